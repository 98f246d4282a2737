using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Exports;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.PostgreSql;

/// <summary>Races decided by row locks on a real server: circular numbers per bureau and year, the per-user export limit.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlConcurrencyTests(PostgreSqlPortalFactory portal)
{
    [PostgreSqlFact]
    public async Task Concurrent_publishers_of_one_bureau_get_distinct_consecutive_numbers_on_postgresql()
    {
        var editor = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var school = await portal.DemoSchoolAsync();

        var (numbers, _) = await Races.PublishCircularsAtOnceAsync(portal, editor, school.Id);

        Assert.Equal(8, numbers.Distinct().Count());
        Assert.Equal(7, numbers.Max() - numbers.Min());
        await using var db = await portal.DbAsync();
        var counter = await db.CircularNumberCounters.SingleAsync(c => c.IssuerUnitId == editor.OrgUnitId && c.Year == portal.Today.Year);
        Assert.Equal(numbers.Max(), counter.LastNumber);
    }

    [PostgreSqlFact]
    public async Task Concurrent_export_requests_of_one_user_are_accepted_exactly_up_to_the_limit_on_postgresql()
    {
        string userName;
        await using (var db = await portal.DbAsync())
        {
            userName = await db.Users.ActiveServing().Where(u => u.Level == AdminLevel.School && u.UserName != DemoAccounts.SchoolAdmin
                && u.UserName != DemoAccounts.OtherSchoolAdmin).OrderByDescending(u => u.Id).Select(u => u.UserName!).FirstAsync();
        }
        var caller = await portal.CallerAsync(userName);

        var results = await Races.RequestExportsAtOnceAsync(portal, caller);

        Assert.Equal(3, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.IsType<ConflictError>(r.Error));
        await using var check = await portal.DbAsync();
        Assert.Equal(3, await check.ExportJobs.CountAsync(j => j.OwnerId == caller.UserId && j.Status == ExportStatus.Queued));
        Assert.Equal(3, await check.AuditEntries.CountAsync(a => a.ActorId == caller.UserId && a.Action == AuditActions.ExportRequested));
    }
}
