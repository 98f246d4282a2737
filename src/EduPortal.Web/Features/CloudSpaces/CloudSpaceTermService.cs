using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.CloudSpaces;

public sealed record CloudSpaceTermSummary(int Id, int SchoolId, string SchoolName, string Name, DateOnly Start, DateOnly End, DateTimeOffset? AwardedAt);

/// <summary>
/// The school's term assessment of its teachers' cloud spaces (circular 001 §四(二)2): opening a term, its thresholds,
/// the checklist of every teacher, hand entries with evidence, and the school's award at term end. A school admin
/// changes their own school's terms; counties and the city read their subtree's.
/// </summary>
public sealed class CloudSpaceTermService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<IReadOnlyList<CloudSpaceTermSummary>> TermsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var terms = await (
                from t in db.CloudSpaceTerms.AsNoTracking().WithinJurisdiction(caller)
                join o in db.OrgUnits on t.SchoolId equals o.Id
                orderby t.Start descending, o.Name
                select new { t.Id, t.SchoolId, o.Name, t.Start, t.End, t.AwardedAt })
            .Take(200)
            .ToListAsync(cancellationToken);
        return terms.Select(t => new CloudSpaceTermSummary(t.Id, t.SchoolId, t.Name, new UseTerm(t.Start, t.End).Name, t.Start, t.End, t.AwardedAt)).ToList();
    }

    /// <summary>Opens the assessment of the current term for the admin's school, thresholds prefilled from circular 001.</summary>
    public async Task<Result<int>> OpenCurrentAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.Level != AdminLevel.School || caller.OrgKind != OrgUnitKind.School)
        {
            return new ForbiddenError("只有学校管理员可以开启本校的云空间学期考核。");
        }
        var period = UseTerm.Of(Today);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.CloudSpaceTerms.Where(t => t.SchoolId == caller.OrgUnitId && t.Start == period.Start).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }
        var term = CloudSpaceTerm.Open(caller.OrgUnitId, caller.OrgPath, period, caller.UserId, clock.GetUtcNow());
        db.CloudSpaceTerms.Add(term);
        // The term and its audit entry (which names the generated id) land together or not at all.
        await db.SaveThenAuditAsync(() => db.Audit(caller, clock, AuditActions.CloudSpaceTermOpened, "CloudSpaceTerm",
            term.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), caller.OrgPath, $"开启{term.Name}教师云空间考核（标准按文件 001 预填）"),
            cancellationToken);
        return term.Id;
    }

    public async Task<Result<CloudSpaceTermView>> TermAsync(Caller caller, int termId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var term = await db.CloudSpaceTerms.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(t => t.Id == termId, cancellationToken);
        if (term is null || !caller.IsAdmin)
        {
            return new NotFoundError();
        }
        var schoolName = await db.OrgUnits.Where(o => o.Id == term.SchoolId).Select(o => o.Name).SingleAsync(cancellationToken);
        var today = Today;
        var rows = await CloudSpaceChecklists.BuildAsync(db, [term], today, null, cancellationToken);
        var ordered = rows.OrderBy(r => r.Checklist.Qualified).ThenBy(r => r.Checklist.MetCount).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var awards = await db.CloudSpaceAwards.AsNoTracking().Where(a => a.TermId == termId).OrderBy(a => a.Rank).ThenBy(a => a.TeacherName).ToListAsync(cancellationToken);
        var canManage = await db.CloudSpaceTerms.ManagedBy(caller).AnyAsync(t => t.Id == termId, cancellationToken);
        return new CloudSpaceTermView(term, schoolName, ordered, awards, canManage, today, term.WeeksThrough(today));
    }

    public async Task<Result> ConfigureAsync(Caller caller, int termId, CloudSpaceThresholds thresholds, CloudSpaceAwardCounts counts, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var term = await db.CloudSpaceTerms.ManagedBy(caller).SingleOrDefaultAsync(t => t.Id == termId, cancellationToken);
        if (term is null)
        {
            return new NotFoundError();
        }
        var before = Describe(term.Thresholds, term.AwardCounts);
        var configured = term.Configure(thresholds, counts);
        if (!configured.Succeeded)
        {
            return configured;
        }
        db.Audit(caller, clock, AuditActions.CloudSpaceTermConfigured, "CloudSpaceTerm", Id(termId), term.SchoolPath, $"修改{term.Name}云空间考核标准",
            before, Describe(term.Thresholds, term.AwardCounts));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>
    /// A school admin's figures for one teacher's target with the evidence (a note or a link); the target keeps them
    /// when a later import arrives. ⑦ is the ledger's and cannot be entered.
    /// </summary>
    public async Task<Result> EnterAsync(Caller caller, int termId, string teacherId, CloudSpaceTarget target, CloudSpaceInputs values, bool? profileConfirmed,
        string? evidence, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var term = await db.CloudSpaceTerms.ManagedBy(caller).SingleOrDefaultAsync(t => t.Id == termId, cancellationToken);
        if (term is null)
        {
            return new NotFoundError();
        }
        var teacher = await db.Users.AsNoTracking().PointEarners().Serving().Where(u => u.Id == teacherId && u.OrgUnitId == term.SchoolId)
            .Select(u => new { u.Id, u.RealName }).SingleOrDefaultAsync(cancellationToken);
        if (teacher is null)
        {
            return new NotFoundError("未找到该教师，或不是本校在岗教师。");
        }
        if (!target.AcceptsManualEntry())
        {
            return ValidationError.For("Target", "⑦空间互动的登录次数和积分取自深度应用积分，不能人工录入。");
        }
        var text = evidence?.Trim() ?? "";
        var check = new ValidationBuilder()
            .Check(text.Length > 0, "Evidence", "请填写依据说明或链接")
            .Check(text.Length <= CloudSpaceManualEntry.MaxEvidenceLength, "Evidence", $"依据不能超过 {CloudSpaceManualEntry.MaxEvidenceLength} 个字");
        var figures = target == CloudSpaceTarget.Profile
            ? profileConfirmed is null ? ["请选择个人信息是否完整"] : []
            : CloudSpaceFigureChecks.Complete(target, values);
        check.Check(figures.Count == 0, "Figures", string.Join("；", figures));
        check.Check(!Negative(values), "Figures", "数字不能为负数");
        if (check.Build() is { } invalid)
        {
            return invalid;
        }
        var statistic = await db.CloudSpaceStatistics.SingleOrDefaultAsync(s => s.TermId == termId && s.TeacherId == teacherId, cancellationToken);
        var now = clock.GetUtcNow();
        if (statistic is null)
        {
            statistic = CloudSpaceStatistic.For(termId, term.SchoolId, teacherId, now);
            db.CloudSpaceStatistics.Add(statistic);
        }
        statistic.ApplyManual(target, values, profileConfirmed, now);
        var summary = Summary(target, values, profileConfirmed);
        db.CloudSpaceManualEntries.Add(CloudSpaceManualEntry.Create(termId, teacherId, target, summary, text, caller.UserId, caller.RealName, now));
        db.Audit(caller, clock, AuditActions.CloudSpaceManualEntry, "CloudSpaceStatistic", $"{termId}:{teacherId}", term.SchoolPath,
            $"人工录入 {teacher.RealName} {target.DisplayName()}：{summary}；依据：{text}");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<IReadOnlyList<CloudSpaceManualEntry>> EntriesAsync(Caller caller, int termId, string teacherId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = db.CloudSpaceTerms.WithinJurisdiction(caller).Select(t => t.Id);
        return await db.CloudSpaceManualEntries.AsNoTracking().Where(e => e.TermId == termId && e.TeacherId == teacherId && visible.Contains(e.TermId))
            .OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
    }

    /// <summary>我的云空间: the caller's checklist of the current term (or the school's latest) and the award of the latest finished one.</summary>
    public async Task<Result<MyCloudSpace?>> MyAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.OrgKind != OrgUnitKind.School || caller.Level > AdminLevel.School)
        {
            return new ForbiddenError("云空间考核只针对学校教师。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var terms = await db.CloudSpaceTerms.AsNoTracking().Where(t => t.SchoolId == caller.OrgUnitId && t.Start <= today)
            .OrderByDescending(t => t.Start).Take(2).ToListAsync(cancellationToken);
        if (terms.Count == 0)
        {
            return Result<MyCloudSpace?>.Ok(null);
        }
        var term = terms[0];
        var row = (await CloudSpaceChecklists.BuildAsync(db, [term], today, caller.UserId, cancellationToken)).SingleOrDefault();
        if (row is null)
        {
            return new ForbiddenError("您的账号不在本校在岗教师名单中，云空间考核不统计。");
        }
        var awardedIds = terms.Where(t => t.AwardedAt is not null).Select(t => t.Id).ToList();
        var award = await db.CloudSpaceAwards.AsNoTracking().Where(a => awardedIds.Contains(a.TermId) && a.TeacherId == caller.UserId)
            .OrderByDescending(a => a.TermId).FirstOrDefaultAsync(cancellationToken);
        return new MyCloudSpace(term, row, today, award);
    }

    /// <summary>
    /// Ranks the school's teachers and assigns the tiers (<see cref="CloudSpaceAwardRules"/>) at term end; assessing
    /// again replaces the earlier ranking and its overrides.
    /// </summary>
    public async Task<Result> AssessAwardAsync(Caller caller, int termId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var term = await db.CloudSpaceTerms.ManagedBy(caller).SingleOrDefaultAsync(t => t.Id == termId, cancellationToken);
        if (term is null)
        {
            return new NotFoundError();
        }
        var today = Today;
        var allowed = term.CanAssessAward(today);
        if (!allowed.Succeeded)
        {
            return allowed;
        }
        var rows = await CloudSpaceChecklists.BuildAsync(db, [term], today, null, cancellationToken);
        var places = CloudSpaceAwardRules.Assign(rows.Select(r => new CloudSpaceAwardCandidate(r.TeacherId, r.Name, r.Checklist.Qualified, r.Points, r.Checklist.ExceededCount)),
            term.AwardCounts);
        await db.CloudSpaceAwards.Where(a => a.TermId == termId).ExecuteDeleteAsync(cancellationToken);
        db.CloudSpaceAwards.AddRange(places.Select(p => CloudSpaceAward.From(termId, p)));
        term.MarkAwarded(clock.GetUtcNow());
        db.Audit(caller, clock, AuditActions.CloudSpaceAwardAssessed, "CloudSpaceTerm", Id(termId), term.SchoolPath,
            $"评定{term.Name}学校优秀教师空间：一等奖 {places.Count(p => p.Tier == CloudSpaceAwardTier.First)} 人，二等奖 {places.Count(p => p.Tier == CloudSpaceAwardTier.Second)} 人，三等奖 {places.Count(p => p.Tier == CloudSpaceAwardTier.Third)} 人"
            + (places.Any(p => p.TiedAtBoundary) ? "（含分界并列）" : ""));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result> OverrideAwardAsync(Caller caller, long awardId, CloudSpaceAwardTier tier, string? note, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var managed = db.CloudSpaceTerms.ManagedBy(caller);
        var award = await db.CloudSpaceAwards.Where(a => a.Id == awardId && managed.Any(t => t.Id == a.TermId)).SingleOrDefaultAsync(cancellationToken);
        if (award is null)
        {
            return new NotFoundError();
        }
        var before = award.Tier.DisplayName();
        var changed = award.Override(tier, note, caller.RealName, clock.GetUtcNow());
        if (!changed.Succeeded)
        {
            return changed;
        }
        db.Audit(caller, clock, AuditActions.CloudSpaceAwardOverridden, "CloudSpaceAward", awardId.ToString(System.Globalization.CultureInfo.InvariantCulture), caller.OrgPath,
            $"调整 {award.TeacherName} 的奖次：{before} → {tier.DisplayName()}；说明：{award.OverrideNote}", before, tier.DisplayName());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    private static bool Negative(CloudSpaceInputs v) =>
        new[] { v.Articles, v.OriginalArticles, v.Courseware, v.LessonPlans, v.Videos, v.OtherResources, v.OriginalResources, v.Photos, v.Albums, v.HomepageModules, v.Apps }
            .Any(n => n < 0);

    public static string Summary(CloudSpaceTarget target, CloudSpaceInputs v, bool? profileConfirmed) => target switch
    {
        CloudSpaceTarget.Articles => $"文章 {v.Articles} 篇，原创 {v.OriginalArticles} 篇",
        CloudSpaceTarget.Profile => profileConfirmed == true ? "个人信息完整" : "个人信息不完整",
        CloudSpaceTarget.Resources => $"课件 {v.Courseware}、教学案 {v.LessonPlans}、教学视频 {v.Videos}、其他 {v.OtherResources}，原创 {v.OriginalResources}",
        CloudSpaceTarget.Album => $"照片 {v.Photos} 张，相册 {v.Albums} 个",
        CloudSpaceTarget.Homepage => $"页头{(v.HeaderSet == true ? "已" : "未")}设置，背景{(v.BackgroundSet == true ? "已" : "未")}设置，自定义模块 {v.HomepageModules} 个",
        CloudSpaceTarget.Apps => $"常用应用 {v.Apps} 个",
        _ => "",
    };

    private static string Describe(CloudSpaceThresholds t, CloudSpaceAwardCounts c) =>
        $"原创文章≥{t.ArticleOriginalPercent}%；课件{t.Courseware}、教学案{t.LessonPlans}、视频{t.Videos}、其他{t.OtherResources}，原创资源≥{t.ResourceOriginalPercent}%；"
        + $"照片{t.Photos}、相册{t.Albums}；自定义模块{t.HomepageModules}；应用{t.Apps}；每周登录{t.LoginsPerWeek}次、积分{t.Points}；奖项 {c.First}/{c.Second}/{c.Third}";

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
