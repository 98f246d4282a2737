using System.Net;
using System.Text;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Metrics;
using EduPortal.Domain.Plans;
using EduPortal.Web.Features.Plans;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Plans;

/// <summary>
/// Hand-entered targets through the service against the real SQLite schema: entering with evidence, refusals that leave
/// nothing behind, corrections with history and audit, jurisdiction on the service and the evidence endpoint, the
/// trajectory and the dashboard; and the alerts query (overdue tasks and off-track targets of a jurisdiction on a date).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class HandEnteredTargetServiceTests(PortalFactory portal)
{
    private PlanService Plans => portal.Service<PlanService>();

    private DateTime Day(int offset) => portal.Today.AddDays(offset).ToDateTime(TimeOnly.MinValue);

    /// <summary>A fresh county plan with a hand-entered target on the demo school: 0 today, ≥ 60 in 100 days (baseline as given).</summary>
    private async Task<int> TrainingTargetAsync(string title, decimal? baseline = null, string unit = "人次")
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var school = await portal.DemoSchoolAsync();
        var plan = await Plans.CreateAsync(county, new PlanInput { Title = title, PeriodStart = Day(0), PeriodEnd = Day(300) });
        Assert.True(plan.Succeeded, plan.Error?.Message);
        var created = await Plans.AddTargetAsync(county, plan.Value, new PlanTargetInput
        {
            HandEntered = true,
            Name = "班班通应用培训教师人次",
            Unit = unit,
            Direction = MetricDirection.HigherIsBetter,
            Baseline = baseline,
            ScopeUnitId = school.Id,
            FirstValue = 60,
            FirstDeadline = Day(100),
        });
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Value;
    }

    private static PlanTargetEntryInput Value(DateTime date, decimal value, string? note = "第一期培训签到表") => new() { Date = date, Value = value, Note = note };

    private int StoredFiles() => Directory.Exists(portal.FilesRoot) ? Directory.EnumerateFiles(portal.FilesRoot, "*", SearchOption.AllDirectories).Count() : 0;

    [Fact]
    public async Task A_school_admin_enters_a_value_with_a_file_and_it_feeds_the_trajectory_and_the_status_rule()
    {
        var targetId = await TrainingTargetAsync("东溪区方案（手工填报测试）", baseline: 20);
        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        await using (var pdf = PlanTestFiles.Pdf())
        {
            var entered = await Plans.EnterValueAsync(school, targetId, Value(Day(0), 12, note: null), new PlanUpload(pdf, pdf.Length, "签到表.pdf"));
            Assert.True(entered.Succeeded, entered.Error?.Message);
        }
        var view = (await Plans.GetTargetAsync(school, targetId)).Value!;
        Assert.Equal(12m, view.Evaluation.Actual);
        // The path starts at the baseline 20 today: 12 is behind it.
        Assert.Equal(TrajectoryStatus.AtRisk, view.Evaluation.Status);
        Assert.Equal(12m, view.Points.Single(p => p.Date == portal.Today).Actual);
        var entry = Assert.Single(view.History);
        Assert.Equal(("签到表.pdf", school.RealName), (Assert.Single(entry.Files).FileName, entry.EnteredByName));
        Assert.True(view.Permissions.CanEnter);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PlanTargetValueEntered && a.EntityId == targetId.ToString() && a.ActorId == school.UserId));
    }

    [Fact]
    public async Task A_bad_value_or_a_file_that_fails_the_content_check_is_refused_next_to_its_field_and_nothing_is_saved()
    {
        var targetId = await TrainingTargetAsync("东溪区方案（填报校验测试）", unit: "%");
        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var files = StoredFiles();
        await using (var pdf = PlanTestFiles.Pdf())
        {
            var future = await Plans.EnterValueAsync(school, targetId, Value(Day(1), 120), new PlanUpload(pdf, pdf.Length, "a.pdf"));
            var error = Assert.IsType<ValidationError>(future.Error);
            Assert.Equal("数据日期不能晚于今天", error.Fields["Date"]);
            Assert.Equal("百分比不能超过 100%", error.Fields["Value"]);
        }
        await using (var fake = new MemoryStream(Encoding.ASCII.GetBytes("MZ this is not a pdf at all")))
        {
            var refused = await Plans.EnterValueAsync(school, targetId, Value(Day(0), 50), new PlanUpload(fake, fake.Length, "签到表.pdf"));
            Assert.IsType<ValidationError>(refused.Error);
        }
        Assert.Equal("请填写佐证说明、链接或上传佐证材料",
            Assert.IsType<ValidationError>((await Plans.EnterValueAsync(school, targetId, Value(Day(0), 50, note: " "), null)).Error).Fields["Evidence"]);
        await using var db = await portal.DbAsync();
        Assert.False(await db.PlanTargetEntries.AnyAsync(e => e.PlanTargetId == targetId));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PlanTargetValueEntered && a.EntityId == targetId.ToString()));
        Assert.Equal(files, StoredFiles());
    }

    [Fact]
    public async Task A_correction_keeps_the_first_value_in_the_history_and_is_audited_with_before_and_after()
    {
        var targetId = await TrainingTargetAsync("东溪区方案（更正测试）");
        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        Assert.True((await Plans.EnterValueAsync(school, targetId, Value(Day(0), 31), null)).Succeeded);
        var first = Assert.Single((await Plans.GetTargetAsync(county, targetId)).Value!.History);
        var corrected = await Plans.EnterValueAsync(county, targetId, Value(Day(0), 34, "含补训 3 人"), null, first.Id);
        Assert.True(corrected.Succeeded, corrected.Error?.Message);
        var view = (await Plans.GetTargetAsync(school, targetId)).Value!;
        Assert.Equal(34m, view.Evaluation.Actual);
        Assert.Equal(2, view.History.Count);
        var old = view.History.Single(e => e.Id == first.Id);
        Assert.Equal((31m, false, county.RealName), (old.Value, old.IsCurrent, old.SupersededByName));
        Assert.Equal(first.Id, view.History.Single(e => e.IsCurrent).CorrectsEntryId);
        Assert.IsType<ConflictError>((await Plans.EnterValueAsync(school, targetId, Value(Day(0), 35), null, first.Id)).Error);
        Assert.Equal("该日期已填报 34，如需修改请点“更正”",
            Assert.IsType<ValidationError>((await Plans.EnterValueAsync(school, targetId, Value(Day(0), 36), null)).Error).Fields["Date"]);
        await using var db = await portal.DbAsync();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.PlanTargetValueCorrected && a.EntityId == targetId.ToString());
        Assert.Equal(county.UserId, audit.ActorId);
        Assert.Contains("31", audit.Before);
        Assert.Contains("34", audit.After);

        // The history exports with the corrected value marked, naming the target, its scope, the dates and when.
        using var excel = new ClosedXML.Excel.XLWorkbook(new MemoryStream(PlanService.ExportEntries(view, portal.Clock.GetUtcNow())));
        var sheet = excel.Worksheet(1);
        var caption = sheet.Cell(1, 1).GetString();
        Assert.Contains(view.Target.Name, caption);
        Assert.Contains(view.Target.ScopeName, caption);
        Assert.Contains(ChinaTime.FormatDateLong(portal.Today), caption);
        Assert.Contains($"导出时间：{ChinaTime.Format(portal.Clock.GetUtcNow())}", caption);
        var rows = Enumerable.Range(3, 2).Select(r => (Value: sheet.Cell(r, 2).GetDouble(), Note: sheet.Cell(r, 4).GetString(), State: sheet.Cell(r, 9).GetString())).ToList();
        Assert.Contains((34d, "含补训 3 人", "有效"), rows);
        Assert.Contains(rows, r => r.Value == 31d && r.State.StartsWith($"已更正（{county.RealName}", StringComparison.Ordinal));
        Assert.True(sheet.Cell(5, 1).IsEmpty());
    }

    [Fact]
    public async Task Another_schools_or_countys_admin_can_neither_see_nor_enter_values_nor_download_their_evidence()
    {
        var targetId = await TrainingTargetAsync("东溪区方案（填报管辖测试）");
        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        await using (var pdf = PlanTestFiles.Pdf())
        {
            Assert.True((await Plans.EnterValueAsync(school, targetId, Value(Day(0), 12), new PlanUpload(pdf, pdf.Length, "签到表.pdf"))).Succeeded);
        }
        var entry = Assert.Single((await Plans.GetTargetAsync(school, targetId)).Value!.History);
        var fileId = Assert.Single(entry.Files).Id;
        var neighbour = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        var other = await portal.OtherCountySchoolAsync();
        await using var db = await portal.DbAsync();
        var outsiderName = await db.Users.Where(u => u.OrgUnitId == other.Id && u.Level == Domain.Accounts.AdminLevel.School).Select(u => u.UserName).FirstAsync();
        var outsider = await portal.CallerAsync(outsiderName!);
        foreach (var stranger in new[] { neighbour, outsider })
        {
            Assert.IsType<NotFoundError>((await Plans.GetTargetAsync(stranger, targetId)).Error);
            Assert.IsType<NotFoundError>((await Plans.EnterValueAsync(stranger, targetId, Value(Day(0), 99), null)).Error);
            Assert.IsType<NotFoundError>((await Plans.EnterValueAsync(stranger, targetId, Value(Day(0), 99), null, entry.Id)).Error);
            Assert.Null(await Plans.FindEntryFileAsync(stranger, targetId, entry.Id, fileId));
        }
        // The neighbour's own target id with this entry's ids answers nothing either.
        var demoTarget = await db.PlanTargets.Where(t => t.Name == PlanDemoSeeder.TrainingTargetName && t.Id != targetId).Select(t => t.Id).FirstAsync();
        Assert.Null(await Plans.FindEntryFileAsync(school, demoTarget, entry.Id, fileId));
        Assert.Equal(1, await db.PlanTargetEntries.CountAsync(e => e.PlanTargetId == targetId));

        var path = $"/plans/targets/{targetId}/entries/{entry.Id}/files/{fileId}";
        var (own, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync(path)).StatusCode);
        var (countyBrowser, _) = await portal.SignInAsync(DemoAccounts.CountyAdmin);
        Assert.Equal(HttpStatusCode.OK, (await countyBrowser.GetAsync(path)).StatusCode);
        var (neighbourBrowser, _) = await portal.SignInAsync(DemoAccounts.OtherSchoolAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbourBrowser.GetAsync(path)).StatusCode);
        var (outsiderBrowser, _) = await portal.SignInAsync(outsiderName!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderBrowser.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_shows_a_hand_entered_target_to_its_school_and_county_beside_the_bound_metrics_but_not_to_a_neighbour()
    {
        var targetId = await TrainingTargetAsync("东溪区方案（驾驶舱测试）");
        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        Assert.True((await Plans.EnterValueAsync(school, targetId, Value(Day(0), 40), null)).Succeeded);
        var dashboards = portal.Service<DashboardService>();
        foreach (var viewer in new[] { school, await portal.CallerAsync(DemoAccounts.CountyAdmin) })
        {
            var dashboard = (await dashboards.GetAsync(viewer)).Value!;
            Assert.Equal(Plans.Metrics.Count, dashboard.Metrics.Count);
            var card = Assert.Single(dashboard.HandEntered, t => t.Id == targetId);
            Assert.Equal((40m, TrajectoryStatus.OnTrack), (card.Evaluation.Actual, card.Evaluation.Status));
            Assert.Equal([40m], card.Recent);
        }
        var neighbour = (await dashboards.GetAsync(await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin))).Value!;
        Assert.DoesNotContain(neighbour.HandEntered, t => t.Id == targetId);
    }

    [Fact]
    public async Task The_demo_school_sees_a_hand_entered_training_target_with_a_corrected_history()
    {
        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        await using var db = await portal.DbAsync();
        var id = await db.PlanTargets.Where(t => t.Name == PlanDemoSeeder.TrainingTargetName && t.MetricKey == PlanTarget.HandEnteredKey)
            .OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var view = (await Plans.GetTargetAsync(school, id)).Value!;
        Assert.True(view.History.Count >= 5);
        Assert.Contains(view.History, e => !e.IsCurrent);
        Assert.NotNull(view.Evaluation.Actual);
    }

    [Fact]
    public async Task Alerts_for_a_jurisdiction_list_its_overdue_tasks_and_off_track_targets_as_of_a_date_and_the_home_flag_uses_them()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var neighbour = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        var plan = await Plans.CreateAsync(county, new PlanInput { Title = "东溪区方案（提醒测试）", PeriodStart = Day(-30), PeriodEnd = Day(300) });
        var taskId = (await Plans.AddTaskAsync(county, plan.Value, new PlanTaskInput
        {
            Title = "提醒测试任务",
            ResponsibleUnitId = school.OrgUnitId,
            StartDate = Day(-20),
            DueDate = Day(-5),
        })).Value;
        var targetId = await TrainingTargetAsync("东溪区方案（滞后提醒测试）", baseline: 30);
        Assert.True((await Plans.EnterValueAsync(school, targetId, Value(Day(0), 10), null)).Succeeded);

        var today = await Plans.AlertsAsync(school.OrgPath, portal.Today);
        Assert.Contains(today.OverdueTasks, t => t.Id == taskId && t.ResponsibleUnitName == school.OrgUnitName);
        Assert.Contains(today.OffTrackTargets, t => t.Id == targetId && t.Evaluation.Status == TrajectoryStatus.AtRisk);
        // The due date itself is still in time; a neighbour's jurisdiction holds neither.
        Assert.DoesNotContain((await Plans.AlertsAsync(school.OrgPath, portal.Today.AddDays(-5))).OverdueTasks, t => t.Id == taskId);
        var neighbours = await Plans.AlertsAsync(neighbour.OrgPath, portal.Today);
        Assert.DoesNotContain(neighbours.OverdueTasks, t => t.Id == taskId);
        Assert.DoesNotContain(neighbours.OffTrackTargets, t => t.Id == targetId);
        Assert.Contains((await Plans.AlertsForAsync(school)).OverdueTasks, t => t.Id == taskId);
        Assert.Contains((await Plans.AlertsForAsync(county)).OffTrackTargets, t => t.Id == targetId);
        Assert.True((await Plans.AlertsForAsync(await portal.CallerAsync(DemoAccounts.Teacher))).IsEmpty);

        // Completed today: no longer overdue now, but it was overdue as of two days ago.
        Assert.True((await Plans.CompleteAsync(school, taskId, "已完成")).Succeeded);
        Assert.DoesNotContain((await Plans.AlertsAsync(school.OrgPath, portal.Today)).OverdueTasks, t => t.Id == taskId);
        Assert.Contains((await Plans.AlertsAsync(school.OrgPath, portal.Today.AddDays(-2))).OverdueTasks, t => t.Id == taskId);
    }
}
