using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Circulars;
using EduPortal.Domain.Common;
using EduPortal.Domain.Exports;
using EduPortal.Web.Features.Circulars;
using EduPortal.Web.Features.Exports;
using EduPortal.Web.Features.LabRecords;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        CircularContent Content(string title) => new(title, "东教发", "请各校按时完成。", "刘冰峰", "0913-2663755",
            [new MilestoneInput("注册", new DateOnly(2030, 4, 21), true)], new RecipientSelection([school.Id], RecipientKinds.None), ForTeachers: false,
            ReplyMode.None, null);
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            var id = (await portal.Service<CircularService>().StartDraftAsync(editor)).Value;
            Assert.True((await portal.Service<CircularService>().SaveAsync(editor, id, Content($"PG 并发发布{i}"), publish: false)).Succeeded);
            ids.Add(id);
        }

        // Six editors' clicks and two bulletin jobs at once, each through its own service scope, DbContext and connection.
        var start = new TaskCompletionSource();
        var publications = ids.Select(id => Task.Run(async () =>
        {
            await start.Task;
            return await portal.Service<CircularService>().SaveAsync(editor, id, Content($"PG 并发发布{id}"), publish: true);
        })).ToList();
        var generated = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await portal.Service<CircularService>().PublishGeneratedAsync(new GeneratedCircular(editor.OrgUnitId, $"PG 并发周通报{i}", "本周通报。"),
                CancellationToken.None);
        })).ToList();
        start.SetResult();
        var published = await Task.WhenAll(publications);
        var bulletins = await Task.WhenAll(generated);

        Assert.All(published, p => Assert.True(p.Succeeded, p.Error?.Message));
        Assert.All(bulletins, g => Assert.True(g.Succeeded, g.Error?.Message));
        await using var db = await portal.DbAsync();
        var allIds = ids.Concat(bulletins.Select(g => g.Value!.Id)).ToList();
        var numbers = await db.Circulars.Where(c => allIds.Contains(c.Id)).Select(c => c.Number!.Value).ToListAsync();
        Assert.Equal(8, numbers.Distinct().Count());
        Assert.Equal(7, numbers.Max() - numbers.Min());
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
        var parameters = LabRecordListExport.For(portal.Today.AddDays(-30), portal.Today);
        var start = new TaskCompletionSource();
        var requests = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            await using var scope = portal.Services.CreateAsyncScope();
            var centre = ActivatorUtilities.CreateInstance<ExportCentre>(scope.ServiceProvider, (Hangfire.IBackgroundJobClient)new HoldingJobClient());
            return await centre.RequestAsync(caller, LabRecordListExport.KindKey, parameters);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(requests);

        Assert.Equal(3, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.IsType<ConflictError>(r.Error));
        await using var check = await portal.DbAsync();
        Assert.Equal(3, await check.ExportJobs.CountAsync(j => j.OwnerId == caller.UserId && j.Status == ExportStatus.Queued));
        Assert.Equal(3, await check.AuditEntries.CountAsync(a => a.ActorId == caller.UserId && a.Action == AuditActions.ExportRequested));
    }

    /// <summary>A job store that takes every job and never runs it, so each accepted request keeps its place.</summary>
    private sealed class HoldingJobClient : Hangfire.IBackgroundJobClient
    {
        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state) => Guid.NewGuid().ToString("N");

        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => false;
    }
}
