using EduPortal.Domain.Accounts;
using EduPortal.Domain.Circulars;
using EduPortal.Domain.Common;
using EduPortal.Web.Features.Circulars;
using EduPortal.Web.Features.Exports;
using EduPortal.Web.Features.LabRecords;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.Infrastructure;

/// <summary>Races the SQLite and the PostgreSQL tests both run: many requests released at once, each in its own scope and DbContext.</summary>
public static class Races
{
    /// <summary>
    /// Six editors publishing drafts to <paramref name="schoolId"/> and two bulletin jobs publishing generated circulars,
    /// all at once; asserts every one succeeded and answers the eight numbers and the last generated circular.
    /// </summary>
    public static async Task<(IReadOnlyList<int> Numbers, PublishedCircular Generated)> PublishCircularsAtOnceAsync(PortalFactory portal, Caller editor, int schoolId)
    {
        CircularContent Content(string title) => new(title, "东教发", "请各校按时完成。", "刘冰峰", "0913-2663755",
            [new MilestoneInput("注册", new DateOnly(2030, 4, 21), true)], new RecipientSelection([schoolId], RecipientKinds.None), ForTeachers: false,
            ReplyMode.None, null);
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            var id = (await portal.Service<CircularService>().StartDraftAsync(editor)).Value;
            Assert.True((await portal.Service<CircularService>().SaveAsync(editor, id, Content($"并发发布测试{i}"), publish: false)).Succeeded);
            ids.Add(id);
        }
        var start = new TaskCompletionSource();
        var publications = ids.Select(id => Task.Run(async () =>
        {
            await start.Task;
            return await portal.Service<CircularService>().SaveAsync(editor, id, Content($"并发发布测试{id}"), publish: true);
        })).ToList();
        var generated = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await portal.Service<CircularService>().PublishGeneratedAsync(new GeneratedCircular(editor.OrgUnitId, $"并发周通报{i}", "本周通报。"),
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
        return (numbers, bulletins[0].Value!);
    }

    /// <summary>Eight export requests of one user at once, through a job store that takes the jobs and never runs them (each accepted one keeps its place).</summary>
    public static async Task<Result<long>[]> RequestExportsAtOnceAsync(PortalFactory portal, Caller caller)
    {
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
        return await Task.WhenAll(requests);
    }

    private sealed class HoldingJobClient : Hangfire.IBackgroundJobClient
    {
        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state) => Guid.NewGuid().ToString("N");

        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => false;
    }
}
