using EduPortal.Data;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Plans;

/// <summary>
/// Demo plans so a new user sees a full plan: circular 004's city pilot plan (its leadership group, offices and the 16
/// month items of 四、进度安排 over two years, moved to this year and the next) owned by the demo city; a county plan with
/// one task broken down to schools; a target on the county bound to the teacher registration rate (004 §四 7/16: 30%
/// then 50%); and 60 days of snapshots (today's read live, the days before scaled down from it as demo history) so the
/// trajectory and sparklines show a line on first start.
/// </summary>
public sealed class PlanDemoSeeder(EduPortalDbContext db, TimeProvider clock, IEnumerable<IMetricSource> metrics, MetricSnapshotJob snapshots)
{
    public const string CityPlanTitle = "城乡数字教育一体化发展试点工作方案";
    public const string CountyPlanTitle = "教育信息化推进工作方案";
    public const int HistoryDays = 60;
    public const string TrainingTargetName = "班班通应用培训教师人次";

    /// <summary>004 §四 进度安排: (year offset, first month, last month, content).</summary>
    public static readonly IReadOnlyList<(int Year, int From, int To, string Title)> Schedule =
    [
        (0, 1, 1, "召开教育信息化座谈会，讨论试点方案，确定各学校资源建设学科、年级；开展全市班班通应用培训；对学校宽带接入进行调查"),
        (0, 2, 2, "开展薄改资源库、国家基础教育资源网使用培训；各乡镇开展班班通应用培训；收集学科教学资源（春季用）并上传"),
        (0, 3, 5, "确定宽带接入提供商并安装宽带；完小、高小完成教室网络布线；开展送教下乡、联片教研；专任教师网络教研空间实名注册"),
        (0, 6, 6, "各乡镇、市直各学校开展班班通应用学科竞赛"),
        (0, 7, 7, "签订完小、高小班班通应用合同；收集学科教学资源（秋季用）并更新至资源库"),
        (0, 8, 11, "完成部分中心小学、完小、高小班班通应用建设；实现教学点数字教育资源全覆盖；开展班班通与教学点资源应用培训"),
        (0, 12, 12, "开展班班通应用学科竞赛、教学点资源应用评比；教师网络教研空间实名注册达到 30% 以上；检查评比试点工作"),
        (1, 1, 1, "收集学科教学资源（春季用）并更新资源库"),
        (1, 2, 2, "三中、五中、实验高中完成班班通建设任务"),
        (1, 3, 5, "完成部分中心小学、完小、高小班班通应用建设；开展全市班班通应用培训；开展教师网络学习空间评比活动"),
        (1, 6, 6, "各乡镇、市直各学校开展班班通应用学科竞赛"),
        (1, 7, 7, "收集学科教学资源；开展教育系统办公自动化平台使用培训"),
        (1, 8, 9, "完成教育政务网、教育信息网、教科研网升级改版；启动办公自动化平台使用"),
        (1, 10, 10, "开展送教下乡、联片教研等活动，提升各乡镇中小学班班通应用水平"),
        (1, 11, 11, "各乡镇、市直各学校开展班班通应用竞赛、专任教师网络教研空间评比"),
        (1, 12, 12, "开展班班通应用学科竞赛、教学点资源应用评比；教师网络教研空间实名注册达到 50% 以上；对试点工作进行小结"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Plans.AnyAsync(cancellationToken))
        {
            return;
        }
        var countyAdmin = await db.Users.AsNoTracking().Where(u => u.UserName == DemoAccounts.CountyAdmin).Select(u => new { u.Id, u.RealName, u.OrgUnitId }).SingleOrDefaultAsync(cancellationToken);
        var city = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Kind == OrgUnitKind.City, cancellationToken);
        if (countyAdmin is null || city is null)
        {
            return;
        }
        var county = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == countyAdmin.OrgUnitId, cancellationToken);
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var year = today.Year;
        var cityCaller = new Caller("demo-seeder", "市教育局", AdminLevel.City, city.Id, city.Name, city.Path, OrgUnitKind.City, Capability.None);
        var countyCaller = new Caller(countyAdmin.Id, countyAdmin.RealName, AdminLevel.County, county.Id, county.Name, county.Path, OrgUnitKind.County, Capability.None);

        // 004 as the city's plan: its group (§六(一)1), offices (§六(一)2-3) and schedule (§四), moved to this year and the next.
        var cityPlan = Plan.Create(cityCaller, PlanUnit.Of(city), CityPlanTitle, new DateOnly(year, 1, 1), new DateOnly(year + 1, 12, 31), $"教技〔{year}〕12号", now).Value!;
        cityPlan.AddLeader(cityCaller, PlanLeaderRole.Leader, "李景浩", "市人民政府副市长");
        cityPlan.AddLeader(cityCaller, PlanLeaderRole.DeputyLeader, "张云飞", "市教育局局长");
        cityPlan.AddLeader(cityCaller, PlanLeaderRole.Member, "发改局、财政局等单位负责人", "发改局、财政局、教育局、公安局、广电局及电信、移动、联通、供电等单位负责人");
        foreach (var (name, duty) in new[]
        {
            ("局办公室", "负责试点工作的统筹协调"),
            ("局财务科", "负责协调市财政局对试点工作经费实施保障"),
            ("局教育督导室", "负责对试点工作的检查督导"),
            ("教科院", "负责对学校信息技术教育教学应用的推广应用和工作指导"),
            ("局教师管理科", "负责对教师教育信息技术能力建设的总体规划和分层推进"),
            ("电教馆", "具体负责试点工作的组织实施"),
        })
        {
            cityPlan.AddOffice(cityCaller, name, duty);
        }
        db.Plans.Add(cityPlan);
        await db.SaveChangesAsync(cancellationToken);
        var cityUnit = PlanUnit.Of(city);
        foreach (var (offset, from, to, title) in Schedule)
        {
            var start = new DateOnly(year + offset, from, 1);
            var due = new DateOnly(year + offset, to, 1).AddMonths(1).AddDays(-1);
            var task = PlanTask.Create(cityPlan, cityCaller, cityUnit, title, "", start, due, "电教馆", "局教育督导室").Value!;
            // Past items are done, except the last one before today (left 逾期 so the flag shows); the current one is under way.
            if (due < today && due.AddMonths(2) < today)
            {
                task.Complete(cityCaller, "已按计划完成", now);
            }
            else if (start <= today && due >= today)
            {
                task.AddNote(cityCaller, "正在推进，已完成部分学校", now);
            }
            db.PlanTasks.Add(task);
        }

        // A county plan with one task broken down to its first schools, one of which has completed it.
        var countyPlan = Plan.Create(countyCaller, PlanUnit.Of(county), $"{county.Name}{CountyPlanTitle}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), null, now).Value!;
        countyPlan.AddLeader(countyCaller, PlanLeaderRole.Leader, countyAdmin.RealName, "区教育局分管副局长");
        countyPlan.AddOffice(countyCaller, "电教馆", "具体负责推进工作的组织实施");
        db.Plans.Add(countyPlan);
        await db.SaveChangesAsync(cancellationToken);
        var registration = PlanTask.Create(countyPlan, countyCaller, PlanUnit.Of(county), "开展专任教师网络教研空间实名注册", "", today.AddDays(-30), today.AddDays(30),
            "电教馆", "局教育督导室").Value!;
        db.PlanTasks.Add(registration);
        await db.SaveChangesAsync(cancellationToken);
        var schools = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(county.Path)).OrderBy(o => o.Id).Take(3).ToListAsync(cancellationToken);
        var children = registration.BreakDown(countyCaller, schools.Select(PlanUnit.Of).ToList(), []).Value!;
        children[0].Complete(countyCaller, "本校专任教师已全部完成实名注册", now);
        db.PlanTasks.AddRange(children);
        await db.SaveChangesAsync(cancellationToken);

        // Today's snapshots live, then demo history for the city and counties so the lines have a past.
        await snapshots.RunAsync(today, cancellationToken);
        var current = await db.MetricSnapshots.AsNoTracking().Where(s => s.Date == today && s.Value != null && (s.OrgUnitId == city.Id || s.OrgUnitId == county.Id
            || db.OrgUnits.Any(o => o.Id == s.OrgUnitId && o.Kind == OrgUnitKind.County))).ToListAsync(cancellationToken);
        foreach (var snapshot in current)
        {
            for (var day = 1; day < HistoryDays; day++)
            {
                // A steady climb to today's value: 55% of it 60 days ago, with a small weekly wobble.
                var share = 0.55m + (0.45m * (HistoryDays - day) / HistoryDays) + (day % 7 == 3 ? -0.02m : 0);
                db.MetricSnapshots.Add(new MetricSnapshot(snapshot.MetricKey, snapshot.OrgUnitId, today.AddDays(-day), Math.Round(snapshot.Value!.Value * share, 1), now));
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        // The county's registration-rate target (004 §四 7 and 16), set 60 days ago at that day's value.
        var source = metrics.Single(m => m.Definition.Key == TeacherRegistrationRateSource.Key);
        var baselineDate = today.AddDays(-(HistoryDays - 1));
        var baseline = await db.MetricSnapshots.AsNoTracking().Where(s => s.MetricKey == source.Definition.Key && s.OrgUnitId == county.Id && s.Date == baselineDate)
            .Select(s => s.Value).SingleOrDefaultAsync(cancellationToken) ?? 0;
        var target = PlanTarget.Create(countyPlan, countyCaller, source.Definition, PlanUnit.Of(county), null, baseline, baselineDate,
            [new PlanTargetStep(30, new DateOnly(year, 12, 31)), new PlanTargetStep(50, new DateOnly(year + 1, 12, 31))]).Value!;
        db.PlanTargets.Add(target);
        await db.SaveChangesAsync(cancellationToken);
        await SeedHandEnteredTargetAsync(countyPlan, countyCaller, today, cancellationToken);
    }

    /// <summary>
    /// A hand-entered target on the school admin's school (004 §四 1②/10② 开展班班通应用培训, §五(六) 全员培训): trained
    /// teachers counted by the school, four values entered over the last seven weeks with their evidence, one corrected.
    /// </summary>
    private async Task SeedHandEnteredTargetAsync(Plan countyPlan, Caller countyCaller, DateOnly today, CancellationToken cancellationToken)
    {
        var schoolAdmin = await db.Users.AsNoTracking().Where(u => u.UserName == DemoAccounts.SchoolAdmin).Select(u => new { u.Id, u.RealName, u.OrgUnitId })
            .SingleOrDefaultAsync(cancellationToken);
        if (schoolAdmin is null)
        {
            return;
        }
        var school = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == schoolAdmin.OrgUnitId, cancellationToken);
        var schoolCaller = new Caller(schoolAdmin.Id, schoolAdmin.RealName, AdminLevel.School, school.Id, school.Name, school.Path, OrgUnitKind.School, Capability.None);
        var target = PlanTarget.CreateHandEntered(countyPlan, countyCaller, PlanUnit.Of(school), TrainingTargetName, "人次", MetricDirection.HigherIsBetter, 0,
            today.AddDays(-56), [new PlanTargetStep(60, today.AddDays(30)), new PlanTargetStep(150, today.AddDays(210))]).Value!;
        db.PlanTargets.Add(target);
        await db.SaveChangesAsync(cancellationToken);
        PlanTargetEntry? toCorrect = null;
        foreach (var (daysAgo, value, note) in new[]
        {
            (49, 12m, "第一期班班通应用培训（交互课堂基本操作），签到表 12 人"),
            (35, 25m, "第二期培训（薄改资源库使用），累计 25 人次"),
            (21, 31m, "第三期培训（网络教研空间实名注册），累计 31 人次"),
            (7, 45m, "送教下乡联片教研现场培训，累计 45 人次"),
        })
        {
            var entry = target.Enter(schoolCaller, new PlanTargetEntryDraft(today.AddDays(-daysAgo), value, note, null, false), null, today, At(today.AddDays(-daysAgo))).Value!;
            await db.SaveChangesAsync(cancellationToken);
            toCorrect = daysAgo == 21 ? entry : toCorrect;
        }
        // The third count missed a make-up session: corrected two days later, the first figure kept in the history.
        target.Enter(schoolCaller, new PlanTargetEntryDraft(toCorrect!.Date, 34m, "第三期培训含补训 3 人，累计 34 人次（更正）", null, false), null, today,
            At(today.AddDays(-19)), toCorrect);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>17:00 China time on a date, in UTC (PostgreSQL keeps UTC only).</summary>
    private static DateTimeOffset At(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(17, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
}
