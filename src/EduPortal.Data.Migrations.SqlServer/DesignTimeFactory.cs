using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EduPortal.Data.Migrations.SqlServer;

/// <summary>Used by <c>dotnet ef</c> only; adding or scripting migrations never opens this connection.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EduPortalDbContext>
{
    public EduPortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<EduPortalDbContext>();
        builder.UseEduPortalDatabase(DatabaseProvider.SqlServer, "Server=localhost;Database=EduPortal;Trusted_Connection=True;TrustServerCertificate=True");
        return new EduPortalDbContext(builder.Options);
    }
}
