using EduPortal.Data;
using EduPortal.Domain.Common;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Features.LabRecords;

/// <summary>
/// The weekly job that flags schools without a shown lab record in the last N weeks (circular 000 §二.3: "区局将对
/// 各校后期工作的开展情况进行及时通报"). Idempotent: re-running a week replaces that week's flags.
/// </summary>
public sealed class LabInactivityJob(IDbContextFactory<EduPortalDbContext> dbFactory, IOptions<LabRecordOptions> options, TimeProvider clock)
{
    public const string RecurringJobId = "lab-inactivity-weekly";

    /// <summary>
    /// Flags the current week; returns the number of schools flagged. The week's flags are replaced in one transaction:
    /// a failure part-way leaves the previous flags. Retried twice, then left failed on the jobs dashboard (/hangfire).
    /// </summary>
    [AutomaticRetry(Attempts = 2)]
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        var weeks = Math.Max(1, options.Value.InactiveWeeks);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schools = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School).Select(o => new { o.Id, o.Path }).ToListAsync(cancellationToken);
        var lastLesson = await db.LabRecords.AsNoTracking().Where(r => r.Shown).LastLessonBySchoolAsync(cancellationToken);
        var inactive = LabCoverage.InactiveSchools(schools.Select(s => (s.Id, lastLesson.GetValueOrDefault(s.Id))), today, weeks).ToHashSet();

        var monday = Weeks.MondayOf(today);
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async ct =>
        {
            await db.LabInactivityFlags.Where(f => f.WeekStart == monday).ExecuteDeleteAsync(ct);
            db.LabInactivityFlags.AddRange(schools.Where(s => inactive.Contains(s.Id))
                .Select(s => new LabInactivityFlag(monday, s.Id, s.Path, weeks, lastLesson.GetValueOrDefault(s.Id), now)));
            return await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }
}
