using EduPortal.Data;
using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Bulletins;

/// <summary>
/// The bulletin jobs: the weekly recurring run of each issuing unit (the city and every county, Monday 07:00 China time
/// unless the unit set another time), which also catches up weeks missed while the portal was down; the catch-up of every
/// unit at start; and the on-demand build an editor starts from the page (progress stored in a <see cref="BulletinRun"/>).
/// </summary>
public sealed class BulletinJobs(IDbContextFactory<EduPortalDbContext> dbFactory, BulletinGenerator generator, TimeProvider clock,
    ILogger<BulletinJobs> logger)
{
    public static string RecurringJobId(int unitId) => $"bulletin-weekly-{unitId}";

    /// <summary>
    /// Builds the unit's last complete week and any weeks missed since its last bulletin (up to
    /// <see cref="BulletinCatchUp.MaxWeeks"/>), publishing them when the unit's setting says so. Returns the weeks built;
    /// a week already published is left as it is.
    /// </summary>
    [AutomaticRetry(Attempts = 2)]
    public async Task<int> RunScheduledAsync(int unitId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lastBuilt = await db.Bulletins.AsNoTracking().Where(b => b.UnitId == unitId)
            .OrderByDescending(b => b.WeekStart).Select(b => (DateOnly?)b.WeekStart).FirstOrDefaultAsync(cancellationToken);
        var settings = await db.BulletinSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UnitId == unitId, cancellationToken);
        var lastComplete = BulletinWeek.LastCompleteAt(clock.GetUtcNow());
        var weeks = BulletinCatchUp.WeeksToBuild(lastBuilt is { } monday ? new BulletinWeek(monday) : null, lastComplete);
        if (lastBuilt == lastComplete.Monday)
        {
            // Re-running the week (a manual trigger on the jobs dashboard) replaces its draft.
            weeks = [lastComplete];
        }
        var built = 0;
        foreach (var week in weeks)
        {
            var result = await generator.GenerateAsync(unitId, week, BulletinActor.Schedule, settings?.AutoPublish ?? false, cancellationToken: cancellationToken);
            if (result.Error is ConflictError)
            {
                continue;
            }
            if (result.Error is { } error)
            {
                throw new InvalidOperationException($"The bulletin of unit {unitId} for {week} failed: {error.Message}");
            }
            built++;
        }
        return built;
    }

    /// <summary>At start: every unit that has had a bulletin gets the weeks it missed (a unit without one starts at its next run).</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        List<int> units;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var lastComplete = BulletinWeek.LastCompleteAt(clock.GetUtcNow()).Monday;
            units = await db.Bulletins.AsNoTracking().GroupBy(b => b.UnitId)
                .Where(g => g.Max(b => b.WeekStart) < lastComplete).Select(g => g.Key).ToListAsync(cancellationToken);
        }
        var built = 0;
        foreach (var unitId in units)
        {
            built += await RunScheduledAsync(unitId, cancellationToken);
        }
        if (built > 0)
        {
            logger.LogInformation("Caught up {Count} missed weekly bulletins.", built);
        }
        return built;
    }

    /// <summary>An editor's 生成本周通报: builds the run's week, writing each step's progress to the run's row.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunRequestedAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.BulletinRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || run.IsFinished)
        {
            return;
        }
        var editor = await db.Users.AsNoTracking().Where(u => u.Id == run.RequestedById).Select(u => u.RealName).SingleOrDefaultAsync(cancellationToken);
        try
        {
            var result = await generator.GenerateAsync(run.UnitId, new BulletinWeek(run.WeekStart), new BulletinActor(run.RequestedById, editor ?? "编辑"),
                publish: false, async (step, steps, text) =>
                {
                    run.Advance(step, steps, text);
                    await db.SaveChangesAsync(cancellationToken);
                }, cancellationToken);
            if (result.Error is { } error)
            {
                run.Fail(error.Message, clock.GetUtcNow());
            }
            else
            {
                run.Finish(result.Value, clock.GetUtcNow());
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The requested bulletin run {RunId} failed.", runId);
            run.Fail("生成失败，请稍后重试或联系管理员", clock.GetUtcNow());
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The demo bulletins: the last <paramref name="weeks"/> weeks of each unit, the older ones published, the last a draft.</summary>
    public async Task SeedDemoAsync(int[] unitIds, int weeks, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var last = BulletinWeek.LastCompleteAt(clock.GetUtcNow());
        foreach (var unitId in unitIds)
        {
            for (var week = new BulletinWeek(last.Monday.AddDays(-7 * (weeks - 1))); week.Monday <= last.Monday; week = week.Next)
            {
                await generator.GenerateAsync(unitId, week, BulletinActor.Schedule, publish: week.Monday < last.Monday, cancellationToken: cancellationToken);
            }
        }
        logger.LogInformation("Built the demo bulletins ({Units} units × {Weeks} weeks) in {Seconds:0.0} s.", unitIds.Length, weeks,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>Registers (or re-registers after a settings change) the unit's weekly job, in China time.</summary>
    public static void Schedule(IRecurringJobManager jobs, int unitId, BulletinSettings settings) =>
        jobs.AddOrUpdate<BulletinJobs>(RecurringJobId(unitId), j => j.RunScheduledAsync(unitId, CancellationToken.None), settings.Cron,
            new RecurringJobOptions { TimeZone = ChinaTime.Zone });

    /// <summary>The city and every county, each with its settings (defaults where none saved).</summary>
    public static async Task<List<(int UnitId, BulletinSettings Settings)>> IssuersAsync(EduPortalDbContext db, CancellationToken cancellationToken)
    {
        var units = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.City || o.Kind == OrgUnitKind.County)
            .Select(o => o.Id).ToListAsync(cancellationToken);
        var saved = await db.BulletinSettings.AsNoTracking().ToDictionaryAsync(s => s.UnitId, cancellationToken);
        return units.Select(id => (id, saved.GetValueOrDefault(id) ?? BulletinSettings.DefaultFor(id))).ToList();
    }
}
