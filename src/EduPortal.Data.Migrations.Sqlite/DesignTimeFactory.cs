using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EduPortal.Data.Migrations.Sqlite;

/// <summary>Used by <c>dotnet ef</c> only; adding or scripting migrations never opens this connection.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EduPortalDbContext>
{
    public EduPortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<EduPortalDbContext>();
        builder.UseEduPortalDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new EduPortalDbContext(builder.Options);
    }
}
