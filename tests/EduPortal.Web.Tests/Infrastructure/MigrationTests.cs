using EduPortal.Data;
using EduPortal.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Infrastructure;

[Collection(PortalCollection.Name)]
public sealed class MigrationTests(PortalFactory portal)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.SqlServer, "Server=unused;Database=unused;TrustServerCertificate=True")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=unused;Database=unused")]
    public void Each_provider_has_migrations_for_the_whole_model(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<EduPortalDbContext>();
        builder.UseEduPortalDatabase(provider, connectionString);
        using var db = new EduPortalDbContext(builder.Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider} has model changes without a migration");
    }

    [Fact]
    public async Task Start_up_applied_every_migration_and_seeded_the_demo_city_once()
    {
        await using var db = await portal.DbAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Single(await db.OrgUnits.Where(o => o.ParentId == null).ToListAsync());
        var seeder = new DemoDataSeeder(db, portal.Clock);
        Assert.False(await seeder.SeedAsync(SeedSize.Standard, () => throw new InvalidOperationException("a seeded database must not hash again")));
    }

    [Fact]
    public async Task The_demo_city_has_the_promised_size()
    {
        await using var db = await portal.DbAsync();
        Assert.InRange(await db.OrgUnits.CountAsync(o => o.Kind == EduPortal.Domain.Organization.OrgUnitKind.School), 60, 70);
        Assert.InRange(await db.Users.CountAsync(u => u.Level == EduPortal.Domain.Accounts.AdminLevel.Teacher), 1300, 1800);
        // A year of registrations and approvals in the audit log, none in the future.
        Assert.True(await db.AuditEntries.CountAsync(a => a.Action == EduPortal.Domain.Auditing.AuditActions.AccountApproved) > 1000);
        var now = portal.Now.AddMinutes(1);
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.OccurredAt).ToListAsync(), at => at > now);
        foreach (var level in Enum.GetValues<EduPortal.Domain.Accounts.AdminLevel>())
        {
            Assert.True(await db.Users.AnyAsync(u => u.Level == level), $"no account at {level}");
        }
    }
}
