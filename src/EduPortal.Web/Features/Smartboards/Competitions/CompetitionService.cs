using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards.Competitions;

/// <summary>
/// County 班班通应用学科竞赛 each June and December (circular 004 schedule items 4/7/11/16): the county opens a round,
/// its schools enter teachers' lessons, the county records the awards.
/// </summary>
public sealed class CompetitionService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public const string Entity = nameof(LessonCompetition);

    public int CurrentYear => DemoLessonRule.CurrentYear(clock);

    public async Task<IReadOnlyList<CompetitionRow>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var competitions = await db.LessonCompetitions.AsNoTracking().Include(c => c.Entries).WithinJurisdiction(caller)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Period).ThenBy(c => c.CountyPath).Take(200).ToListAsync(cancellationToken);
        return competitions.Select(c => new CompetitionRow(c.Id, c.CountyName, c.Year, c.Period, c.Title, c.EntriesVisibleTo(caller).Count(), c.ResultsRecorded,
            c.PermissionsFor(caller))).ToList();
    }

    public async Task<Result<int>> OpenAsync(Caller caller, CompetitionInput input, CancellationToken cancellationToken = default)
    {
        var opened = LessonCompetition.Open(caller, input.Year, input.Period, input.Title, clock);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var competition = opened.Value!;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.LessonCompetitions.AnyAsync(c => c.CountyId == competition.CountyId && c.Year == competition.Year && c.Period == competition.Period,
                cancellationToken))
        {
            return ValidationError.For("Period", $"{competition.Year}年{competition.Period.DisplayName()}的竞赛已经组织");
        }
        db.LessonCompetitions.Add(competition);
        return await db.SaveThenAuditAsync(() => db.Audit(caller, clock, AuditActions.SmartboardCompetitionChanged, Entity, Id(competition.Id),
                competition.CountyPath, $"{caller.RealName} 组织{competition.Year}年{competition.Period.DisplayName()}竞赛“{competition.Title}”", null,
                new { 年度 = competition.Year, 轮次 = competition.Period.DisplayName(), 名称 = competition.Title }), cancellationToken,
            _ => ValidationError.For("Period", $"{competition.Year}年{competition.Period.DisplayName()}的竞赛已经组织")) is { } refused
            ? refused : competition.Id;
    }

    /// <summary>One competition as the caller sees it; null outside the caller's county (the same as an id that does not exist).</summary>
    public async Task<CompetitionView?> ViewAsync(Caller caller, int competitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var competition = await db.LessonCompetitions.AsNoTracking().Include(c => c.Entries).WithinJurisdiction(caller)
            .SingleOrDefaultAsync(c => c.Id == competitionId, cancellationToken);
        if (competition is null)
        {
            return null;
        }
        var permissions = competition.PermissionsFor(caller);
        var canWithdraw = permissions.CanEnter;
        var entries = competition.EntriesVisibleTo(caller).OrderBy(e => e.SchoolPath, StringComparer.Ordinal).ThenBy(e => e.TeacherName, StringComparer.Ordinal)
            .Select(e => new CompetitionEntryRow(e.Id, e.SchoolName, e.TeacherName, e.Subject, e.LessonTitle, e.Award, canWithdraw && e.SchoolId == caller.OrgUnitId))
            .ToList();
        var form = permissions.CanEnter ? await DemoLessonService.SchoolFormAsync(db, caller, cancellationToken) : null;
        return new CompetitionView(competition.Id, competition.CountyName, competition.Year, competition.Period, competition.Title, competition.OpenedByName,
            competition.OpenedAt, competition.ResultsRecordedAt, entries, permissions, form);
    }

    public async Task<Result<int>> EnterAsync(Caller caller, int competitionId, CompetitionEntryInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var competition = await db.LessonCompetitions.Include(c => c.Entries).WithinJurisdiction(caller).SingleOrDefaultAsync(c => c.Id == competitionId, cancellationToken);
        if (competition is null)
        {
            return new NotFoundError();
        }
        if (caller.OrgKind != OrgUnitKind.School)
        {
            return new ForbiddenError("只有本县区学校的管理员可以为本校教师报名。");
        }
        var (school, teacher) = await DemoLessonService.SchoolAndTeacherAsync(db, caller.OrgUnitId, input.TeacherId, cancellationToken);
        if (input.TeacherId is not null && teacher is null)
        {
            return ValidationError.For("TeacherId", "参赛教师须为本校在职教职工");
        }
        var entered = competition.Enter(caller, school, teacher, input.Subject, input.LessonTitle, clock);
        if (!entered.Succeeded)
        {
            return entered.Error!;
        }
        var entry = entered.Value!;
        return await db.SaveThenAuditAsync(() => db.Audit(caller, clock, AuditActions.SmartboardCompetitionChanged, Entity, Id(competition.Id), entry.SchoolPath,
                $"{caller.RealName} 为{entry.TeacherName}报名“{competition.Title}”（{entry.Subject}《{entry.LessonTitle}》）", null,
                new { 竞赛 = competition.Title, 学校 = entry.SchoolName, 教师 = entry.TeacherName, 学科 = entry.Subject, 课题 = entry.LessonTitle }),
            cancellationToken, _ => ValidationError.For("TeacherId", "该教师已报名本次竞赛")) is { } refused ? refused : entry.Id;
    }

    public async Task<Result> WithdrawAsync(Caller caller, int competitionId, int entryId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var competition = await db.LessonCompetitions.Include(c => c.Entries).WithinJurisdiction(caller).SingleOrDefaultAsync(c => c.Id == competitionId, cancellationToken);
        if (competition is null)
        {
            return new NotFoundError();
        }
        var entry = competition.Entries.SingleOrDefault(e => e.Id == entryId);
        var withdrawn = competition.Withdraw(caller, entryId);
        if (!withdrawn.Succeeded)
        {
            return withdrawn;
        }
        db.Audit(caller, clock, AuditActions.SmartboardCompetitionChanged, Entity, Id(competition.Id), entry!.SchoolPath,
            $"{caller.RealName} 撤回{entry.TeacherName}的“{competition.Title}”报名",
            new { 竞赛 = competition.Title, 学校 = entry.SchoolName, 教师 = entry.TeacherName, 学科 = entry.Subject, 课题 = entry.LessonTitle }, null);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>The county records every entry's award (circular 003 §三.5 定期组织检查评比); this closes the entries.</summary>
    public async Task<Result> RecordResultsAsync(Caller caller, int competitionId, IReadOnlyDictionary<int, CompetitionAward?> awards,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var competition = await db.LessonCompetitions.Include(c => c.Entries).WithinJurisdiction(caller).SingleOrDefaultAsync(c => c.Id == competitionId, cancellationToken);
        if (competition is null)
        {
            return new NotFoundError();
        }
        var before = competition.Entries.ToDictionary(e => $"{e.SchoolName} {e.TeacherName}", e => e.Award?.DisplayName());
        var recorded = competition.RecordResults(caller, awards, clock);
        if (!recorded.Succeeded)
        {
            return recorded;
        }
        db.Audit(caller, clock, AuditActions.SmartboardCompetitionChanged, Entity, Id(competition.Id), competition.CountyPath,
            $"{caller.RealName} 登记“{competition.Title}”结果（{competition.Entries.Count} 个课例）", before,
            competition.Entries.ToDictionary(e => $"{e.SchoolName} {e.TeacherName}", e => e.Award?.DisplayName()));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
