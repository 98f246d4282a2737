using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EduPortal.Data.Migrations.PostgreSql;

/// <summary>Used by <c>dotnet ef</c> only; adding or scripting migrations never opens this connection.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EduPortalDbContext>
{
    public EduPortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<EduPortalDbContext>();
        builder.UseEduPortalDatabase(DatabaseProvider.PostgreSql, "Host=localhost;Database=eduportal;Username=eduportal");
        return new EduPortalDbContext(builder.Options);
    }
}
