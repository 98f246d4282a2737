using System.Net;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Features.Auditing;
using EduPortal.Web.Features.Organization;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.PostgreSql;

/// <summary>The production path on a real server: migrations, seeding, jurisdiction queries, Hangfire storage.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlTests(PostgreSqlPortalFactory portal)
{
    [PostgreSqlFact]
    public async Task Migrations_create_the_schema_and_the_demo_city_is_seeded()
    {
        await using var db = await portal.DbAsync();
        Assert.True(db.Database.IsNpgsql());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.InRange(await db.OrgUnits.CountAsync(o => o.Kind == EduPortal.Domain.Organization.OrgUnitKind.School), 60, 70);
    }

    [PostgreSqlFact]
    public async Task Sign_in_and_the_hangfire_dashboard_work_on_postgresql_storage()
    {
        var (city, response) = await portal.SignInAsync(DemoAccounts.CityAdmin);
        Assert.True(PortalFactory.IsSignedIn(response));
        var dashboard = await city.GetAsync("/hangfire");
        Assert.True(dashboard.StatusCode == HttpStatusCode.OK, await dashboard.Content.ReadAsStringAsync());
    }

    [PostgreSqlFact]
    public async Task Jurisdiction_holds_on_postgresql()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var orgs = portal.Service<OrgService>();
        Assert.Single(await orgs.GetTreeAsync(admin));
        Assert.IsType<NotFoundError>((await orgs.GetAsync(admin, (await portal.OtherCountySchoolAsync()).Id)).Error);
        var (rows, _) = await portal.Service<AccountAdminService>().SearchAsync(admin, new AccountQuery(PageSize: 500));
        Assert.All(rows, r => Assert.Equal(admin.OrgUnitId, r.OrgUnitId));
    }

    [PostgreSqlFact]
    public async Task Registration_approval_and_the_audit_date_filter_work_on_postgresql()
    {
        var registration = await portal.Service<RegistrationService>().RegisterAsync(new RegistrationInput
        {
            RealName = "高远",
            Phone = "13544440001",
            SchoolId = (await portal.DemoSchoolAsync()).Id,
            Subjects = ["化学"],
            Password = "the lab smells of vinegar",
            ConfirmPassword = "the lab smells of vinegar",
        }, ClientAddressStartupFilter.NewAddress());
        Assert.True(registration.Succeeded, registration.Error?.Message);
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        Assert.True((await portal.Service<AccountAdminService>().ApproveAsync(admin, registration.Value!)).Succeeded);

        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var today = portal.Today;
        var found = await portal.Service<AuditLogService>().SearchAsync(county, new AuditQuery(AuditActions.AccountApproved, "高远", today, today));
        Assert.True(found.Succeeded, found.Error?.Message);
        Assert.Equal(1, found.Value.Total);
    }

    [PostgreSqlFact]
    public async Task A_china_time_is_written_and_queried_as_the_same_instant_in_utc_on_postgresql()
    {
        // Npgsql refuses a DateTimeOffset whose offset is not zero; the context's converter writes every one in UTC.
        var chinaTime = new DateTimeOffset(2026, 9, 7, 8, 30, 0, TimeSpan.FromHours(8));
        var entityId = "utc-" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = await portal.DbAsync())
        {
            db.AuditEntries.Add(AuditEntry.Create(chinaTime, "utc-test", "时区测试", "test.utc", "Test", entityId, "/", "时区测试", null, null));
            await db.SaveChangesAsync();
        }
        await using var read = await portal.DbAsync();
        var stored = await read.AuditEntries.SingleAsync(e => e.EntityId == entityId && e.OccurredAt == chinaTime);
        Assert.Equal(chinaTime.UtcDateTime, stored.OccurredAt.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, stored.OccurredAt.Offset);
        Assert.Equal(1, await read.AuditEntries.CountAsync(e => e.EntityId == entityId && e.OccurredAt >= chinaTime && e.OccurredAt < chinaTime.AddMinutes(1)));
    }
}
