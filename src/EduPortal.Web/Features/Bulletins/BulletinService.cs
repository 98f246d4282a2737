using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Common;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Bulletins;

public sealed record BulletinRow(int Id, string Title, string UnitName, string WeekLabel, string PeriodText, BulletinStatus Status,
    DateTimeOffset GeneratedAt, DateTimeOffset? PublishedAt, string? PublishFailure = null);

public sealed record BulletinView(Bulletin Bulletin, IReadOnlyList<BulletinSectionData> Sections, BulletinPermissions Permissions);

public sealed record BulletinRunView(int Id, BulletinRunState State, int Percent, string StepText, string? Message, int? BulletinId, string WeekLabel)
{
    public bool IsFinished => State is BulletinRunState.Done or BulletinRunState.Failed;
}

public sealed record BulletinSettingsView(string UnitName, BulletinSettings Settings);

/// <summary>
/// The 通报 pages' service: history, detail, files, the editor's 生成本周通报 (a background job with stored progress),
/// foreword, publishing and the schedule settings — every query through <see cref="BulletinJurisdiction"/> and every
/// change through <see cref="BulletinPermissions"/>.
/// </summary>
public sealed class BulletinService(IDbContextFactory<EduPortalDbContext> dbFactory, BulletinGenerator generator, IBackgroundJobClient jobs,
    IRecurringJobManager recurring, TimeProvider clock)
{
    public const int MaxListed = 300;

    /// <summary>The week a build started now reports on (the last complete week).</summary>
    public BulletinWeek CurrentWeek => BulletinWeek.LastCompleteAt(clock.GetUtcNow());

    public async Task<IReadOnlyList<BulletinRow>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Bulletins.AsNoTracking().VisibleTo(caller)
            .OrderByDescending(b => b.WeekStart).ThenBy(b => b.UnitPath).Take(MaxListed)
            .Select(b => new { b.Id, b.Title, b.UnitName, b.WeekStart, b.Status, b.GeneratedAt, b.PublishedAt, b.PublishFailure }).ToListAsync(cancellationToken);
        return rows.Select(b => new BulletinRow(b.Id, b.Title, b.UnitName, new BulletinWeek(b.WeekStart).Label, new BulletinWeek(b.WeekStart).PeriodText,
            b.Status, b.GeneratedAt, b.PublishedAt, b.PublishFailure)).ToList();
    }

    public async Task<Result<BulletinView>> GetAsync(Caller caller, int bulletinId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bulletin = await db.Bulletins.AsNoTracking().VisibleTo(caller).SingleOrDefaultAsync(b => b.Id == bulletinId, cancellationToken);
        if (bulletin is null)
        {
            return new NotFoundError();
        }
        return new BulletinView(bulletin, BulletinGenerator.SectionsOf(bulletin), BulletinPermissions.For(caller, bulletin.UnitId, bulletin.UnitPath, bulletin.IsPublished));
    }

    /// <summary>A bulletin's PDF or workbook (key, content type, ASCII name, the title-named file name) when the caller may read the bulletin.</summary>
    public async Task<(string Key, string ContentType, string Name, string DisplayName)?> FindFileAsync(Caller caller, int bulletinId, bool pdf, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bulletin = await db.Bulletins.AsNoTracking().VisibleTo(caller).SingleOrDefaultAsync(b => b.Id == bulletinId, cancellationToken);
        return bulletin is null ? null
            : pdf ? (bulletin.PdfKey, BulletinGenerator.PdfContentType, DownloadName(bulletin), BulletinGenerator.FileName(bulletin, "pdf"))
            : (bulletin.ExcelKey, BulletinGenerator.ExcelContentType, DownloadName(bulletin), BulletinGenerator.FileName(bulletin, "xlsx"));
    }

    /// <summary>bulletin-3-2026-w48: the ASCII name served when the title leaves nothing (<see cref="Infrastructure.Files.StoredFileResults"/> serves the title).</summary>
    public static string DownloadName(Bulletin bulletin) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"bulletin-{bulletin.UnitId}-{bulletin.WeekYear}-w{bulletin.WeekNumber:00}");

    /// <summary>生成本周通报: queues a build of the caller's unit's last complete week; the page follows the run's progress.</summary>
    public async Task<Result<int>> RequestRunAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (!BulletinPermissions.ManagesOwnUnit(caller))
        {
            return new ForbiddenError("只有市、县区教育局的公文编辑可以生成通报");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var week = CurrentWeek;
        if (await db.Bulletins.AnyAsync(b => b.UnitId == caller.OrgUnitId && b.WeekStart == week.Monday && b.Status == BulletinStatus.Published, cancellationToken))
        {
            return new ConflictError($"{week.Label}的通报已发布，不能重新生成");
        }
        var active = await db.BulletinRuns.AsNoTracking().Where(r => r.UnitId == caller.OrgUnitId
                && (r.State == BulletinRunState.Queued || r.State == BulletinRunState.Running))
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (active is { } running)
        {
            // One build per unit at a time: a second click follows the running one.
            return running;
        }
        var run = BulletinRun.Queue(caller.OrgUnitId, week, caller.UserId, clock.GetUtcNow());
        db.BulletinRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<BulletinJobs>(j => j.RunRequestedAsync(run.Id, CancellationToken.None));
        return run.Id;
    }

    /// <summary>A run of the caller's own unit (another unit's run answers not found).</summary>
    public async Task<BulletinRunView?> RunAsync(Caller caller, int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.BulletinRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.UnitId == caller.OrgUnitId, cancellationToken);
        return run is null || !BulletinPermissions.ManagesOwnUnit(caller) ? null
            : new BulletinRunView(run.Id, run.State, run.Percent, run.StepText, run.Message, run.BulletinId, new BulletinWeek(run.WeekStart).Label);
    }

    public Task<Result> SetForewordAsync(Caller caller, int bulletinId, string? text, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, bulletinId, b => b.SetForeword(text), AuditActions.BulletinForeword, "填写按语", cancellationToken);

    /// <summary>Publishes a draft of the caller's unit (as a circular to the unit's subtree, through the publisher).</summary>
    public async Task<Result> PublishAsync(Caller caller, int bulletinId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bulletin = await db.Bulletins.AsNoTracking().VisibleTo(caller).SingleOrDefaultAsync(b => b.Id == bulletinId, cancellationToken);
        if (bulletin is null)
        {
            return new NotFoundError();
        }
        if (!BulletinPermissions.For(caller, bulletin.UnitId, bulletin.UnitPath, bulletin.IsPublished).CanManage)
        {
            return new ForbiddenError("只有本单位的公文编辑可以发布通报");
        }
        return await generator.PublishAsync(bulletin.Id, new BulletinActor(caller.UserId, caller.RealName), cancellationToken);
    }

    private async Task<Result> ChangeAsync(Caller caller, int bulletinId, Func<Bulletin, Result> change, string action, string what, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bulletin = await db.Bulletins.VisibleTo(caller).SingleOrDefaultAsync(b => b.Id == bulletinId, cancellationToken);
        if (bulletin is null)
        {
            return new NotFoundError();
        }
        if (!BulletinPermissions.For(caller, bulletin.UnitId, bulletin.UnitPath, bulletin.IsPublished).CanManage)
        {
            return new ForbiddenError("只有本单位的公文编辑可以修改通报");
        }
        if (change(bulletin).Error is { } error)
        {
            return error;
        }
        var saved = await db.SaveThenAuditAsync(() => db.Audit(caller, clock, action, nameof(Bulletin),
            bulletin.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), bulletin.UnitPath, $"{what}：{bulletin.Title}"), cancellationToken);
        return saved is null ? Result.Success : saved;
    }

    public async Task<BulletinSettingsView?> SettingsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (!BulletinPermissions.ManagesOwnUnit(caller))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.BulletinSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UnitId == caller.OrgUnitId, cancellationToken)
            ?? BulletinSettings.DefaultFor(caller.OrgUnitId);
        return new BulletinSettingsView(caller.OrgUnitName, settings);
    }

    /// <summary>Saves the caller's unit's schedule and auto-publish setting and re-registers its weekly job at once.</summary>
    public async Task<Result> SaveSettingsAsync(Caller caller, DayOfWeek day, int hour, int minute, bool autoPublish, CancellationToken cancellationToken = default)
    {
        if (!BulletinPermissions.ManagesOwnUnit(caller))
        {
            return new ForbiddenError("只有市、县区教育局的公文编辑可以修改通报设置");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.BulletinSettings.SingleOrDefaultAsync(s => s.UnitId == caller.OrgUnitId, cancellationToken);
        if (settings is null)
        {
            settings = BulletinSettings.DefaultFor(caller.OrgUnitId);
            db.BulletinSettings.Add(settings);
        }
        var before = new { settings.ScheduleText, settings.AutoPublish };
        if (settings.Change(day, hour, minute, autoPublish).Error is { } error)
        {
            return error;
        }
        var saved = await db.SaveThenAuditAsync(() => db.Audit(caller, clock, AuditActions.BulletinSettingsChanged, nameof(BulletinSettings),
            caller.OrgUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), caller.OrgPath,
            $"通报设置：{settings.ScheduleText}，{(settings.AutoPublish ? "自动发布" : "编辑确认后发布")}", before,
            new { settings.ScheduleText, settings.AutoPublish }), cancellationToken);
        if (saved is not null)
        {
            return saved;
        }
        BulletinJobs.Schedule(recurring, caller.OrgUnitId, settings);
        return Result.Success;
    }
}
