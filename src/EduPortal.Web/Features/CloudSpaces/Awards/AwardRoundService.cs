using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.Points;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.CloudSpaces.Awards;

/// <summary>
/// The district's award rounds (circular 001 §四(三), 附件1): rounds, nominations, expert assignment and scoring,
/// the deep-application awards from the points index, results, publication. Every query starts from the round's
/// jurisdiction; the domain answers what the caller may do.
/// </summary>
public sealed class AwardRoundService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock, PointQueryService points)
{
    private DateOnly Today => ChinaTime.Today(clock);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<AwardRoundSummary>> RoundsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rounds = await db.AwardRounds.AsNoTracking().WithinJurisdiction(caller).OrderByDescending(r => r.Year).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        var ids = rounds.Select(r => r.Id).ToList();
        var counts = await db.AwardEntries.AsNoTracking().Where(e => ids.Contains(e.RoundId) && (e.Kind == AwardKind.TeacherSpace || e.Kind == AwardKind.SchoolSpace))
            .GroupBy(e => e.RoundId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return rounds.Select(r => new AwardRoundSummary(r.Id, r.Title, r.Year, r.CountyName, r.PhaseOn(Today), r.Schedule, r.IsPublished, counts.GetValueOrDefault(r.Id))).ToList();
    }

    public async Task<Result<int>> CreateAsync(Caller caller, int year, CancellationToken cancellationToken = default)
    {
        var created = AwardRound.Create(caller, year, clock.GetUtcNow());
        if (!created.Succeeded)
        {
            return created.Error!;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = created.Value!;
        if (await db.AwardRounds.AnyAsync(r => r.CountyId == round.CountyId && r.Year == year, cancellationToken))
        {
            return ValidationError.For("Year", $"{year}年度的评比已经发起");
        }
        db.AwardRounds.Add(round);
        await db.SaveThenAuditAsync(() => db.Audit(caller, clock, AuditActions.AwardRoundCreated, nameof(AwardRound), Key(round.Id), round.CountyPath,
            $"发起“{round.Title}”，报名 {round.Schedule.NominationText}，专家评选 {round.Schedule.ReviewText}，表彰 {round.Schedule.CommendationText}"), cancellationToken);
        return round.Id;
    }

    public async Task<Result> UpdateAsync(Caller caller, int roundId, AwardRoundInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.AwardRounds.WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return new NotFoundError();
        }
        var missing = new ValidationBuilder();
        foreach (var (name, value) in new (string, DateTime?)[]
                 {
                     (nameof(input.NominationStart), input.NominationStart), (nameof(input.NominationEnd), input.NominationEnd),
                     (nameof(input.ReviewStart), input.ReviewStart), (nameof(input.ReviewEnd), input.ReviewEnd),
                     (nameof(input.CommendationStart), input.CommendationStart), (nameof(input.CommendationEnd), input.CommendationEnd),
                     (nameof(input.DeepFrom), input.DeepFrom), (nameof(input.DeepTo), input.DeepTo),
                 })
        {
            missing.Check(value is not null, name, "请选择日期");
        }
        if (missing.Build() is { } error)
        {
            return error;
        }
        static DateOnly D(DateTime? value) => DateOnly.FromDateTime(value!.Value);
        var schedule = new AwardSchedule(D(input.NominationStart), D(input.NominationEnd), D(input.ReviewStart), D(input.ReviewEnd),
            D(input.CommendationStart), D(input.CommendationEnd), D(input.DeepFrom), D(input.DeepTo));
        var settings = new AwardSettings(input.CommentBelow, input.TrimFromExperts, new AwardTierCounts(input.First, input.Second, input.Third));
        var before = Describe(round);
        var updated = round.Update(caller, input.Title, schedule, settings);
        if (!updated.Succeeded)
        {
            return updated;
        }
        db.Audit(caller, clock, AuditActions.AwardRoundChanged, nameof(AwardRound), Key(round.Id), round.CountyPath, $"修改“{round.Title}”的日期与设置",
            before, Describe(round));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    private static object Describe(AwardRound r) => new
    {
        名称 = r.Title,
        报名 = r.Schedule.NominationText,
        专家评选 = r.Schedule.ReviewText,
        表彰 = r.Schedule.CommendationText,
        深度应用统计期 = r.Schedule.DeepPeriodText,
        评语门槛 = r.CommentBelow,
        去极值专家数 = r.TrimFromExperts,
        名额 = $"{r.FirstPrizes}/{r.SecondPrizes}/{r.ThirdPrizes}",
    };

    /// <summary>The round page: the county admin sees every entry with its experts; a school admin their own school's entries.</summary>
    public async Task<Result<AwardRoundView>> RoundAsync(Caller caller, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.AwardRounds.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return new NotFoundError();
        }
        var permissions = round.PermissionsFor(caller, Today);
        var runs = round.IsRunBy(caller);
        IReadOnlyList<AwardEntryRow> rows = [];
        if (runs || caller.Level == AdminLevel.School)
        {
            var entries = await db.AwardEntries.AsNoTracking().OfOwnSchools(caller)
                .Where(e => e.RoundId == roundId && (e.Kind == AwardKind.TeacherSpace || e.Kind == AwardKind.SchoolSpace))
                .OrderBy(e => e.Kind).ThenBy(e => e.SchoolPath).ThenBy(e => e.Id).ToListAsync(cancellationToken);
            var ids = entries.Select(e => e.Id).ToList();
            var assignments = runs
                ? (await db.AwardAssignments.AsNoTracking().Where(a => ids.Contains(a.EntryId)).Select(a => new { a.EntryId, a.ExpertName }).ToListAsync(cancellationToken))
                    .ToLookup(a => a.EntryId, a => a.ExpertName)
                : Enumerable.Empty<(int, string)>().ToLookup(a => a.Item1, a => a.Item2);
            var scored = runs
                ? await db.AwardScores.AsNoTracking().Where(s => ids.Contains(s.EntryId)).GroupBy(s => s.EntryId)
                    .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken)
                : [];
            rows = entries.Select(e => new AwardEntryRow(e.Id, e.Kind, e.SchoolId, e.SchoolPath, e.SchoolName, e.TeacherName, e.SpaceUrl, e.Note, e.NominatedAt, e.NominatedByName,
                assignments[e.Id].ToList(), scored.GetValueOrDefault(e.Id))).ToList();
        }
        var experts = runs ? await ExpertsAsync(db, round, cancellationToken) : [];
        IReadOnlyList<AwardTeacherOption> teachers = [];
        if (caller.Level == AdminLevel.School && OrgUnit.PathContains(round.CountyPath, caller.OrgPath))
        {
            teachers = await db.Users.AsNoTracking().ActiveServing().Where(u => u.OrgUnitId == caller.OrgUnitId)
                .OrderBy(u => u.RealName).Select(u => new AwardTeacherOption(u.Id, u.RealName)).ToListAsync(cancellationToken);
        }
        return new AwardRoundView(round, permissions, round.PhaseOn(Today), rows, experts, teachers);
    }

    /// <summary>Accounts with the expert capability in the round's county or at the city bureau above it.</summary>
    private static async Task<IReadOnlyList<AwardExpertOption>> ExpertsAsync(EduPortalDbContext db, AwardRound round, CancellationToken cancellationToken)
    {
        var ancestors = OrgUnit.AncestorPaths(round.CountyPath).ToList();
        var experts = await db.Users.AsNoTracking().ActiveServing()
            .Where(u => (u.Capabilities & Capability.ExpertReviewer) == Capability.ExpertReviewer
                        && (u.OrgUnit!.Path.StartsWith(round.CountyPath) || ancestors.Contains(u.OrgUnit.Path)))
            .OrderBy(u => u.OrgUnit!.Path).ThenBy(u => u.RealName)
            .Select(u => new AwardExpertOption(u.Id, u.RealName, u.OrgUnit!.Name, u.OrgUnit.Path)).ToListAsync(cancellationToken);
        return experts;
    }

    public async Task<Result<int>> NominateAsync(Caller caller, int roundId, AwardNomination input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.AwardRounds.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == caller.OrgUnitId && o.Kind == OrgUnitKind.School, cancellationToken);
        if (round is null)
        {
            return new NotFoundError();
        }
        if (school is null)
        {
            return new ForbiddenError("只有本区县学校的校级管理员可以报名。");
        }
        var nominee = new AwardNominee(school.Id, school.Path, school.Name);
        if (input.Kind == AwardKind.TeacherSpace && !string.IsNullOrEmpty(input.TeacherId))
        {
            // Only a serving teacher of the admin's own school: another school's id reads as "no such teacher".
            var teacher = await db.Users.AsNoTracking().ActiveServing().Where(u => u.Id == input.TeacherId && u.OrgUnitId == school.Id)
                .Select(u => new { u.Id, u.RealName }).SingleOrDefaultAsync(cancellationToken);
            if (teacher is null)
            {
                return ValidationError.For(nameof(input.TeacherId), "该教师不在本校，不能推荐");
            }
            nominee = nominee with { TeacherId = teacher.Id, TeacherName = teacher.RealName };
        }
        var nominated = AwardEntry.Nominate(round, caller, input, nominee, Today, clock.GetUtcNow());
        if (!nominated.Succeeded)
        {
            return nominated.Error!;
        }
        var entry = nominated.Value!;
        var duplicate = await db.AwardEntries.AnyAsync(e => e.RoundId == roundId && e.Kind == entry.Kind && e.SchoolId == entry.SchoolId && e.TeacherId == entry.TeacherId, cancellationToken);
        if (duplicate)
        {
            return ValidationError.For(entry.Kind == AwardKind.TeacherSpace ? nameof(input.TeacherId) : nameof(input.Kind),
                entry.Kind == AwardKind.TeacherSpace ? $"{entry.TeacherName}已经报名" : "本校的学校空间已经报名");
        }
        db.AwardEntries.Add(entry);
        await db.SaveThenAuditAsync(() => db.Audit(caller, clock, AuditActions.AwardNominated, nameof(AwardEntry), Key(entry.Id), entry.SchoolPath,
            $"推荐{entry.DisplayName}参评{entry.Kind.DisplayName()}（{round.Title}）", after: new { 奖项 = entry.Kind.DisplayName(), 参评 = entry.DisplayName, 网址 = entry.SpaceUrl, 说明 = entry.Note }), cancellationToken);
        return entry.Id;
    }

    public async Task<Result> WithdrawAsync(Caller caller, int entryId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.AwardEntries.OfOwnSchools(caller).SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        var round = entry is null ? null : await db.AwardRounds.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == entry.RoundId, cancellationToken);
        if (entry is null || round is null)
        {
            return new NotFoundError();
        }
        var check = entry.CheckWithdraw(round, caller, Today);
        if (!check.Succeeded)
        {
            return check;
        }
        db.AwardEntries.Remove(entry);
        db.Audit(caller, clock, AuditActions.AwardNominationWithdrawn, nameof(AwardEntry), Key(entry.Id), entry.SchoolPath,
            $"撤回{entry.DisplayName}的{entry.Kind.DisplayName()}报名（{round.Title}）");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result> AssignAsync(Caller caller, int entryId, string expertId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.AwardEntries.AsNoTracking().OfOwnSchools(caller).SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        var round = entry is null ? null : await db.AwardRounds.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == entry.RoundId, cancellationToken);
        if (entry is null || round is null)
        {
            return new NotFoundError();
        }
        var expert = await db.Users.AsNoTracking().ActiveServing().Where(u => u.Id == expertId)
            .Select(u => new AwardExpert(u.Id, u.RealName, u.OrgUnit!.Path, u.OrgUnit.Name, u.Capabilities)).SingleOrDefaultAsync(cancellationToken);
        if (expert is null)
        {
            return ValidationError.For("ExpertId", "请选择评审专家");
        }
        var assigned = AwardAssignment.Assign(round, caller, entry, expert, Today, clock.GetUtcNow());
        if (!assigned.Succeeded)
        {
            return assigned.Error!;
        }
        if (await db.AwardAssignments.AnyAsync(a => a.EntryId == entryId && a.ExpertId == expertId, cancellationToken))
        {
            return ValidationError.For("ExpertId", $"{expert.RealName}已分配给该参评作品");
        }
        db.AwardAssignments.Add(assigned.Value!);
        db.Audit(caller, clock, AuditActions.AwardExpertAssigned, nameof(AwardEntry), Key(entry.Id), entry.SchoolPath,
            $"分配评审专家{expert.RealName}评审{entry.DisplayName}（{entry.Kind.DisplayName()}）");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>The expert's own assignments in a round with their own marks; nothing of the other experts.</summary>
    public async Task<Result<ExpertScoringView>> ScoringAsync(Caller caller, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.AwardRounds.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null || !caller.Has(Capability.ExpertReviewer))
        {
            return new NotFoundError();
        }
        var entryIds = await db.AwardAssignments.AsNoTracking().OfExpert(caller).Where(a => a.RoundId == roundId).Select(a => a.EntryId).ToListAsync(cancellationToken);
        var entries = await db.AwardEntries.AsNoTracking().Where(e => entryIds.Contains(e.Id)).OrderBy(e => e.Kind).ThenBy(e => e.SchoolPath).ToListAsync(cancellationToken);
        var mine = await db.AwardScores.AsNoTracking().OfExpert(caller).Where(s => s.RoundId == roundId).ToDictionaryAsync(s => s.EntryId, cancellationToken);
        var rows = entries.Select(e => new ExpertAssignmentRow(e.Id, e.Kind, e.SchoolName, e.TeacherName, e.SpaceUrl, e.Note,
            mine.TryGetValue(e.Id, out var s) ? new AwardScoreInput(s.Layout, s.Application, s.Effect, s.Innovation, s.Comment) : null,
            mine.TryGetValue(e.Id, out var t) ? t.ScoredAt : null)).ToList();
        var open = round.CheckScoringOpen(Today);
        return new ExpertScoringView(round, open.Succeeded, open.Error?.Message, rows);
    }

    public async Task<Result> ScoreAsync(Caller caller, int entryId, AwardScoreInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assignment = await db.AwardAssignments.AsNoTracking().OfExpert(caller).SingleOrDefaultAsync(a => a.EntryId == entryId, cancellationToken);
        var round = assignment is null ? null : await db.AwardRounds.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == assignment.RoundId, cancellationToken);
        if (assignment is null || round is null)
        {
            return new NotFoundError();
        }
        var existing = await db.AwardScores.OfExpert(caller).SingleOrDefaultAsync(s => s.EntryId == entryId, cancellationToken);
        var now = clock.GetUtcNow();
        var before = existing is null ? null : new { existing.Layout, existing.Application, existing.Effect, existing.Innovation, existing.Comment };
        if (existing is null)
        {
            var submitted = AwardScore.Submit(round, caller, assignment, input, Today, now);
            if (!submitted.Succeeded)
            {
                return submitted.Error!;
            }
            existing = submitted.Value!;
            db.AwardScores.Add(existing);
        }
        else if (existing.Revise(round, caller, assignment, input, Today, now) is { Succeeded: false } revised)
        {
            return revised;
        }
        var schoolPath = await db.AwardEntries.Where(e => e.Id == entryId).Select(e => e.SchoolPath).SingleAsync(cancellationToken);
        // The audit log is read by admins, not by the other experts; it records who scored what.
        db.Audit(caller, clock, AuditActions.AwardScored, nameof(AwardEntry), Key(entryId), schoolPath,
            $"专家{caller.RealName}{(before is null ? "评分" : "修改评分")}：总分 {existing.Total}（{round.Title}）",
            before, new { existing.Layout, existing.Application, existing.Effect, existing.Innovation, existing.Comment });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>
    /// 深度应用优秀个人 / 优秀学校 (circular 001 §四(三)3): the county's teachers and schools ranked by the points index over the
    /// round's period, vocational schools excluded, through the points module's rankings (评优口径). Replaces earlier ones.
    /// </summary>
    public async Task<Result> ComputeDeepAsync(Caller caller, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.AwardRounds.WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return new NotFoundError();
        }
        var check = round.CheckComputeDeep(caller, Today);
        if (!check.Succeeded)
        {
            return check;
        }
        var ranked = await points.RankingsAsync(caller, new RankingQuery(round.DeepFrom.Year, round.DeepFrom, round.DeepTo, round.CountyId, ExcludeVocational: true), cancellationToken);
        if (!ranked.Succeeded)
        {
            return ranked.Error!;
        }
        var rankings = ranked.Value!;
        await db.AwardEntries.Where(e => e.RoundId == roundId && (e.Kind == AwardKind.DeepTeacher || e.Kind == AwardKind.DeepSchool)).ExecuteDeleteAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Enough candidates for every prize and the ties at the last one.
        var take = round.Settings.Tiers.Total + 10;
        foreach (var school in rankings.Schools.Where(s => s.Index is not null).Take(take))
        {
            db.AwardEntries.Add(AwardEntry.Computed(round, AwardKind.DeepSchool,
                new AwardNominee(school.SchoolId, rankings.SchoolPaths[school.SchoolId], school.SchoolName), school.Index!.Value, school.ActivePoints, now));
        }
        foreach (var teacher in rankings.Teachers.Where(t => t.Total > 0).Take(take))
        {
            db.AwardEntries.Add(AwardEntry.Computed(round, AwardKind.DeepTeacher,
                new AwardNominee(teacher.SchoolId, rankings.SchoolPaths[teacher.SchoolId], teacher.SchoolName, teacher.TeacherId, teacher.RealName), teacher.Total, 0, now));
        }
        round.MarkDeepComputed(now);
        db.Audit(caller, clock, AuditActions.AwardDeepComputed, nameof(AwardRound), Key(round.Id), round.CountyPath,
            $"按深度应用指数（{round.Schedule.DeepPeriodText}，不含职校）评定深度应用优秀个人与优秀学校（{round.Title}）");
        await db.SaveChangesAsync(cancellationToken);
        await RankAsync(db, round, cancellationToken);
        return Result.Success;
    }

    /// <summary>Writes every entry's mean, rank and tier from the current scores (the county's preview, and at publication).</summary>
    internal static async Task RankAsync(EduPortalDbContext db, AwardRound round, CancellationToken cancellationToken)
    {
        var entries = await db.AwardEntries.Where(e => e.RoundId == round.Id).ToListAsync(cancellationToken);
        var scores = (await db.AwardScores.AsNoTracking().Where(s => s.RoundId == round.Id)
            .Select(s => new { s.EntryId, s.Layout, s.Application, s.Effect, s.Innovation }).ToListAsync(cancellationToken)).ToLookup(s => s.EntryId);
        foreach (var entry in entries.Where(e => e.Kind.IsNominated()))
        {
            var sheets = scores[entry.Id].ToList();
            var mean = AwardResults.Mean(sheets.Select(s => s.Layout + s.Application + s.Effect + s.Innovation).ToList(), round.TrimFromExperts);
            var application = sheets.Count == 0 ? 0 : Math.Round(sheets.Average(s => (decimal)s.Application), 2);
            entry.SetScores(mean, application);
        }
        foreach (var kind in AwardKinds.All)
        {
            var ofKind = entries.Where(e => e.Kind == kind).ToList();
            var ranking = AwardResults.Rank(ofKind.Select(e => new AwardCandidate(e.Id, e.Score, e.TieBreak, e.NominatedAt)).ToList(), round.Settings.Tiers)
                .ToDictionary(r => r.EntryId);
            foreach (var entry in ofKind)
            {
                entry.SetRanking(ranking[entry.Id]);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The results: after publication every signed-in user the round reaches sees the winners; before it only the
    /// county admin who runs the round sees the preview (every entry, recomputed from the current scores).
    /// </summary>
    public async Task<Result<AwardResultsView>> ResultsAsync(Caller caller, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.AwardRounds.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return new NotFoundError();
        }
        var preview = !round.IsPublished;
        if (preview && !round.IsRunBy(caller))
        {
            return new ForbiddenError("评比结果尚未发布。");
        }
        if (preview)
        {
            await RankAsync(db, round, cancellationToken);
        }
        var entries = await db.AwardEntries.AsNoTracking().Where(e => e.RoundId == roundId).ToListAsync(cancellationToken);
        var experts = await db.AwardScores.AsNoTracking().Where(s => s.RoundId == roundId).GroupBy(s => s.EntryId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var rows = entries.Where(e => preview || e.FinalTier != AwardTier.None)
            .OrderBy(e => e.Kind).ThenBy(e => e.FinalTier == AwardTier.None ? 9 : (int)e.FinalTier).ThenBy(e => e.Rank ?? int.MaxValue).ThenBy(e => e.Id)
            .Select(e => new AwardResultRow(e.Id, e.Kind, e.SchoolName, e.TeacherName, e.Score, e.Rank, e.Tier, e.FinalTier, e.TiedAtBoundary, e.OverrideNote,
                experts.GetValueOrDefault(e.Id)))
            .ToList();
        return new AwardResultsView(round, preview, rows, clock.GetUtcNow());
    }

    public async Task<Result> OverrideAsync(Caller caller, int entryId, AwardTier? tier, string? note, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.AwardEntries.OfOwnSchools(caller).SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        var round = entry is null ? null : await db.AwardRounds.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == entry.RoundId, cancellationToken);
        if (entry is null || round is null)
        {
            return new NotFoundError();
        }
        var before = entry.FinalTier.DisplayName();
        var result = entry.Override(round, caller, tier, note);
        if (!result.Succeeded)
        {
            return result;
        }
        db.Audit(caller, clock, AuditActions.AwardTierOverridden, nameof(AwardEntry), Key(entry.Id), entry.SchoolPath,
            tier is null ? $"撤销{entry.DisplayName}的奖次调整（{entry.Kind.DisplayName()}）" : $"将{entry.DisplayName}的{entry.Kind.DisplayName()}调整为{tier.Value.DisplayName()}：{entry.OverrideNote}",
            new { 奖次 = before }, new { 奖次 = entry.FinalTier.DisplayName(), 理由 = entry.OverrideNote });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result> PublishAsync(Caller caller, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.AwardRounds.WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return new NotFoundError();
        }
        var check = round.CheckPublish(caller, Today);
        if (!check.Succeeded)
        {
            return check;
        }
        await RankAsync(db, round, cancellationToken);
        round.Publish(caller, Today, clock.GetUtcNow());
        var winners = await db.AwardEntries.CountAsync(e => e.RoundId == roundId && ((e.OverrideTier ?? e.Tier) != AwardTier.None), cancellationToken);
        db.Audit(caller, clock, AuditActions.AwardPublished, nameof(AwardRound), Key(round.Id), round.CountyPath, $"发布“{round.Title}”评比结果，获奖 {winners} 个");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>The winners to print certificates for: published rounds only, one entry or all of them.</summary>
    public async Task<Result<(AwardRound Round, IReadOnlyList<AwardResultRow> Winners)>> CertificatesAsync(Caller caller, int roundId, int? entryId,
        CancellationToken cancellationToken = default)
    {
        var results = await ResultsAsync(caller, roundId, cancellationToken);
        if (!results.Succeeded)
        {
            return results.Error is ForbiddenError ? new NotFoundError() : results.Error!;
        }
        var view = results.Value!;
        if (view.IsPreview)
        {
            return new ConflictError("评比结果发布后才能打印获奖证书。");
        }
        var winners = view.Rows.Where(r => r.FinalTier != AwardTier.None && (entryId is null || r.EntryId == entryId)).ToList();
        if (winners.Count == 0)
        {
            return new NotFoundError();
        }
        return (view.Round, (IReadOnlyList<AwardResultRow>)winners);
    }
}
