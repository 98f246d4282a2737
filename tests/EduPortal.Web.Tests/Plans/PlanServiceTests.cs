using EduPortal.Data.Seeding;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Plans;
using EduPortal.Web.Features.Plans;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Plans;

/// <summary>Plans through the service against the real SQLite schema: jurisdiction, audit, breakdown, the snapshot job and the demo data.</summary>
[Collection(PortalCollection.Name)]
public sealed class PlanServiceTests(PortalFactory portal)
{
    private async Task<int> CountyPlanAsync(string title)
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var today = portal.Today.ToDateTime(TimeOnly.MinValue);
        var created = await portal.Service<PlanService>().CreateAsync(county, new PlanInput { Title = title, PeriodStart = today, PeriodEnd = today.AddMonths(6) });
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Value;
    }

    [Fact]
    public async Task The_demo_data_holds_004s_schedule_as_a_city_plan_and_a_county_task_broken_down_with_a_target()
    {
        await using var db = await portal.DbAsync();
        var cityPlan = await db.Plans.Include(p => p.Leaders).Include(p => p.Offices).SingleAsync(p => p.Title == PlanDemoSeeder.CityPlanTitle);
        Assert.Equal(16, await db.PlanTasks.CountAsync(t => t.PlanId == cityPlan.Id));
        Assert.Equal((portal.Today.Year, portal.Today.Year + 1), (cityPlan.PeriodStart.Year, cityPlan.PeriodEnd.Year));
        Assert.Equal(["组长", "副组长", "成员"], cityPlan.Leaders.OrderBy(l => l.Role).Select(l => l.Role.DisplayName()));
        Assert.Contains(cityPlan.Offices, o => o.Name == "局教育督导室");
        var countyPlan = await db.Plans.SingleAsync(p => p.Title.EndsWith(PlanDemoSeeder.CountyPlanTitle));
        var parent = await db.PlanTasks.SingleAsync(t => t.PlanId == countyPlan.Id && t.IsBrokenDown);
        Assert.True(await db.PlanTasks.CountAsync(t => t.ParentTaskId == parent.Id) >= 2);
        var target = await db.PlanTargets.Include(t => t.Steps).SingleAsync(t => t.PlanId == countyPlan.Id && t.MetricKey != PlanTarget.HandEnteredKey);
        Assert.Equal(TeacherRegistrationRateSource.Key, target.MetricKey);
        Assert.Equal([30m, 50m], target.Steps.OrderBy(s => s.Deadline).Select(s => s.Value));
        Assert.True(await db.MetricSnapshots.CountAsync(s => s.MetricKey == target.MetricKey && s.OrgUnitId == target.ScopeUnitId) >= 50);
    }

    [Fact]
    public async Task Another_countys_plan_task_and_target_are_not_found()
    {
        var planId = await CountyPlanAsync("东溪区方案（管辖测试）");
        var plans = portal.Service<PlanService>();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var other = await portal.OtherCountySchoolAsync();
        var unitId = (await plans.GetAsync(county, planId)).Value!.Units.First(u => u.Kind == Domain.Organization.OrgUnitKind.School).Id;
        var taskId = (await plans.AddTaskAsync(county, planId, new PlanTaskInput
        {
            Title = "测试任务",
            ResponsibleUnitId = unitId,
            StartDate = portal.Today.ToDateTime(TimeOnly.MinValue),
            DueDate = portal.Today.AddDays(5).ToDateTime(TimeOnly.MinValue),
        })).Value;
        await using var db = await portal.DbAsync();
        var otherAdminId = await db.Users.Where(u => u.OrgUnitId == other.Id && u.Level == Domain.Accounts.AdminLevel.School).Select(u => u.UserName).FirstAsync();
        var outsider = await portal.CallerAsync(otherAdminId!);
        Assert.IsType<NotFoundError>((await plans.GetAsync(outsider, planId)).Error);
        Assert.IsType<NotFoundError>((await plans.GetTaskAsync(outsider, taskId)).Error);
        Assert.IsType<NotFoundError>((await plans.AddNoteAsync(outsider, taskId, "越权")).Error);
        Assert.IsType<NotFoundError>((await plans.CompleteAsync(outsider, taskId, "越权")).Error);
        var target = await db.PlanTargets.Select(t => t.Id).FirstAsync();
        Assert.IsType<NotFoundError>((await plans.GetTargetAsync(outsider, target)).Error);
        // A school of another county cannot be a task's responsible unit.
        var outside = await plans.AddTaskAsync(county, planId, new PlanTaskInput
        {
            Title = "越界任务",
            ResponsibleUnitId = other.Id,
            StartDate = portal.Today.ToDateTime(TimeOnly.MinValue),
            DueDate = portal.Today.AddDays(5).ToDateTime(TimeOnly.MinValue),
        });
        Assert.Equal("责任单位须在方案所属单位的管辖范围内", Assert.IsType<ValidationError>(outside.Error).Fields["ResponsibleUnitId"]);
    }

    [Fact]
    public async Task A_breakdown_and_a_schools_completion_are_audited_and_roll_up_to_the_parent()
    {
        var planId = await CountyPlanAsync("东溪区方案（分解测试）");
        var plans = portal.Service<PlanService>();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var neighbour = await portal.NeighbourSchoolAsync();
        var taskId = (await plans.AddTaskAsync(county, planId, new PlanTaskInput
        {
            Title = "完成教室网络布线",
            ResponsibleUnitId = county.OrgUnitId,
            SupervisingOffice = "局教育督导室",
            StartDate = portal.Today.ToDateTime(TimeOnly.MinValue),
            DueDate = portal.Today.AddDays(10).ToDateTime(TimeOnly.MinValue),
        })).Value;
        Assert.True((await plans.BreakDownAsync(county, taskId, [school.OrgUnitId, neighbour.Id])).Succeeded);
        var view = (await plans.GetTaskAsync(county, taskId)).Value!;
        Assert.Equal(2, view.Children.Count);
        var own = view.Children.Single(c => c.ResponsibleUnitName == school.OrgUnitName);
        Assert.IsType<ValidationError>((await plans.CompleteAsync(school, own.Id, " ")).Error);
        Assert.True((await plans.CompleteAsync(school, own.Id, "已完成布线")).Succeeded);
        var after = (await plans.GetTaskAsync(county, taskId)).Value!;
        Assert.Equal("1/2 校完成", after.Breakdown!.Label);
        Assert.Equal(PlanTaskStatus.InProgress, after.Status);
        // The school cannot report on its neighbour's task.
        var neighbours = after.Children.Single(c => c.ResponsibleUnitName != school.OrgUnitName);
        Assert.IsType<ForbiddenError>((await plans.CompleteAsync(school, neighbours.Id, "代填")).Error);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PlanTaskBrokenDown && a.EntityId == taskId.ToString()));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PlanTaskCompleted && a.EntityId == own.Id.ToString() && a.ActorId == school.UserId));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PlanCreated && a.EntityId == planId.ToString()));
    }

    [Fact]
    public async Task A_target_bound_to_the_registration_rate_starts_at_todays_value_and_is_audited()
    {
        var planId = await CountyPlanAsync("东溪区方案（目标测试）");
        var plans = portal.Service<PlanService>();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var input = new PlanTargetInput
        {
            MetricKey = TeacherRegistrationRateSource.Key,
            ScopeUnitId = county.OrgUnitId,
            FirstValue = 80,
            FirstDeadline = portal.Today.AddDays(90).ToDateTime(TimeOnly.MinValue),
            SecondValue = 60,
            SecondDeadline = portal.Today.AddDays(180).ToDateTime(TimeOnly.MinValue),
        };
        Assert.Equal("后一阶段的目标值不能低于前一阶段", Assert.IsType<ValidationError>((await plans.AddTargetAsync(county, planId, input)).Error).Fields["Steps"]);
        input.SecondValue = 95;
        var created = await plans.AddTargetAsync(county, planId, input);
        Assert.True(created.Succeeded, created.Error?.Message);
        var view = (await plans.GetTargetAsync(county, created.Value)).Value!;
        Assert.Equal(portal.Today, view.Target.BaselineDate);
        Assert.Equal(Math.Min(view.Target.Baseline, 80m), view.Points.First(p => p.Date == portal.Today).Expected);
        Assert.Equal(95m, view.Points[^1].Expected);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PlanTargetSet && a.EntityId == created.Value.ToString()));
    }

    [Fact]
    public async Task The_snapshot_job_run_twice_on_a_day_keeps_one_row_per_metric_and_unit_with_the_latest_value()
    {
        var job = portal.Service<MetricSnapshotJob>();
        var day = portal.Today.AddDays(-400);
        var first = await job.RunAsync(day, CancellationToken.None);
        await using (var db = await portal.DbAsync())
        {
            var snapshot = await db.MetricSnapshots.FirstAsync(s => s.Date == day);
            await db.MetricSnapshots.Where(s => s.Id == snapshot.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, -1m));
        }
        var second = await job.RunAsync(day, CancellationToken.None);
        await using var check = await portal.DbAsync();
        Assert.Equal(first, second);
        Assert.Equal(first, await check.MetricSnapshots.CountAsync(s => s.Date == day));
        Assert.False(await check.MetricSnapshots.AnyAsync(s => s.Date == day && s.Value == -1m));
    }

    [Fact]
    public async Task The_task_list_exports_every_task_with_its_status_and_names_the_plan_its_period_and_when_it_was_made()
    {
        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var planId = await CountyPlanAsync("东溪区方案（导出测试）");
        var plans = portal.Service<PlanService>();
        foreach (var (title, due) in new[] { ("导出测试逾期任务", -1), ("导出测试进行中任务", 20) })
        {
            var created = await plans.AddTaskAsync(county, planId, new PlanTaskInput
            {
                Title = title,
                Period = "第一阶段",
                ResponsibleUnitId = school.OrgUnitId,
                ResponsiblePeople = "王校长",
                SupervisingOffice = "督导室",
                StartDate = portal.Today.AddDays(-10).ToDateTime(TimeOnly.MinValue),
                DueDate = portal.Today.AddDays(due).ToDateTime(TimeOnly.MinValue),
            });
            Assert.True(created.Succeeded, created.Error?.Message);
        }
        var view = (await plans.GetAsync(county, planId)).Value!;

        var workbook = PlanService.ExportTasks(view, portal.Clock.GetUtcNow());

        using var excel = new ClosedXML.Excel.XLWorkbook(new MemoryStream(workbook));
        var sheet = excel.Worksheet(1);
        var caption = sheet.Cell(1, 1).GetString();
        Assert.Contains("东溪区方案（导出测试）", caption);
        Assert.Contains(ChinaTime.FormatDateLong(view.Plan.PeriodStart), caption);
        Assert.Contains(ChinaTime.FormatDateLong(view.Plan.PeriodEnd), caption);
        Assert.Contains($"导出时间：{ChinaTime.Format(portal.Clock.GetUtcNow())}", caption);
        Assert.Equal(["时段", "任务", "责任单位", "责任人", "督办处室", "开始日期", "完成时限", "状态", "分解完成情况"],
            Enumerable.Range(1, 9).Select(c => sheet.Cell(2, c).GetString()));
        var rows = Enumerable.Range(3, 2).ToDictionary(r => sheet.Cell(r, 2).GetString(), r => sheet.Row(r));
        Assert.Equal(PlanTaskStatus.Overdue.DisplayName(), rows["导出测试逾期任务"].Cell(8).GetString());
        Assert.Equal(ChinaTime.FormatDate(portal.Today.AddDays(-1)), rows["导出测试逾期任务"].Cell(7).GetString());
        Assert.NotEqual(PlanTaskStatus.Overdue.DisplayName(), rows["导出测试进行中任务"].Cell(8).GetString());
        Assert.Equal(school.OrgUnitName, rows["导出测试进行中任务"].Cell(3).GetString());
        Assert.Equal("督导室", rows["导出测试进行中任务"].Cell(5).GetString());
        Assert.True(sheet.Cell(5, 2).IsEmpty());
    }

    [Fact]
    public async Task An_overdue_task_shows_on_its_units_home_card_and_not_another_schools()
    {
        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var neighbour = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var planId = await CountyPlanAsync("东溪区方案（逾期测试）");
        var plans = portal.Service<PlanService>();
        var created = await plans.AddTaskAsync(county, planId, new PlanTaskInput
        {
            Title = "逾期测试任务",
            ResponsibleUnitId = school.OrgUnitId,
            StartDate = portal.Today.AddDays(-10).ToDateTime(TimeOnly.MinValue),
            DueDate = portal.Today.AddDays(-1).ToDateTime(TimeOnly.MinValue),
        });
        Assert.True(created.Succeeded, created.Error?.Message);
        Assert.Contains((await plans.AlertsForAsync(school)).OverdueTasks, t => t.Id == created.Value);
        Assert.DoesNotContain((await plans.AlertsForAsync(neighbour)).OverdueTasks, t => t.Id == created.Value);
        Assert.Equal(PlanTaskStatus.Overdue, (await plans.GetTaskAsync(school, created.Value)).Value!.Status);
    }

    [Fact]
    public async Task The_dashboard_shows_every_metric_with_the_countys_target_and_a_sparkline()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var dashboard = (await portal.Service<DashboardService>().GetAsync(county)).Value!;
        Assert.Equal(portal.Service<PlanService>().Metrics.Count, dashboard.Metrics.Count);
        var registration = dashboard.Metrics.Single(m => m.Definition.Key == TeacherRegistrationRateSource.Key);
        Assert.NotNull(registration.Target);
        Assert.True(registration.Sparkline.Count >= 20);
        Assert.IsType<ForbiddenError>((await portal.Service<DashboardService>().GetAsync(await portal.CallerAsync(DemoAccounts.Teacher))).Error);
    }

    [Fact]
    public async Task The_owner_adds_offices_and_names_school_leads_a_school_names_only_its_own_and_each_change_is_audited()
    {
        var planId = await CountyPlanAsync("东溪区方案（处室与分管领导测试）");
        var plans = portal.Service<PlanService>();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var neighbour = await portal.NeighbourSchoolAsync();
        Assert.True((await plans.AddOfficeAsync(county, planId, "局教育督导室", "负责对试点工作的检查督导")).Succeeded);
        Assert.Equal("该处室已在名单中", Assert.IsType<ValidationError>((await plans.AddOfficeAsync(county, planId, "局教育督导室", "重复")).Error).Fields["Name"]);
        Assert.IsType<ForbiddenError>((await plans.AddOfficeAsync(school, planId, "电教组", "越权")).Error);
        Assert.True((await plans.NameSchoolLeadAsync(county, planId, neighbour.Id, "李副校长", "副校长")).Succeeded);
        Assert.True((await plans.NameSchoolLeadAsync(school, planId, school.OrgUnitId, "王副校长", "副校长")).Succeeded);
        Assert.IsType<ForbiddenError>((await plans.NameSchoolLeadAsync(school, planId, neighbour.Id, "越权", "")).Error);
        Assert.Equal("请选择学校", Assert.IsType<ValidationError>((await plans.NameSchoolLeadAsync(county, planId, null, "x", "")).Error).Fields["SchoolId"]);
        var plan = (await plans.GetAsync(county, planId)).Value!.Plan;
        Assert.Contains(plan.Offices, o => o.Name == "局教育督导室");
        Assert.Equal(["李副校长", "王副校长"], plan.SchoolLeads.OrderBy(l => l.LeaderName).Select(l => l.LeaderName));
        await using var db = await portal.DbAsync();
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.PlanChanged && a.EntityId == planId.ToString()));
    }

    [Fact]
    public async Task A_bound_targets_page_measures_each_unit_under_its_scope_against_the_same_path()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var plans = portal.Service<PlanService>();
        await using var db = await portal.DbAsync();
        var id = await db.PlanTargets.Where(t => t.MetricKey == TeacherRegistrationRateSource.Key && t.ScopeUnitId == county.OrgUnitId).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var view = (await plans.GetTargetAsync(county, id)).Value!;
        Assert.NotEmpty(view.Units);
        foreach (var unit in view.Units)
        {
            var latest = await db.MetricSnapshots.Where(s => s.MetricKey == TeacherRegistrationRateSource.Key && s.OrgUnitId == unit.UnitId && s.Date <= portal.Today && s.Value != null)
                .OrderByDescending(s => s.Date).Select(s => s.Value).FirstOrDefaultAsync();
            Assert.Equal(latest, unit.Actual);
            Assert.Equal(latest is null ? TrajectoryStatus.NoData : view.Target.Meets(latest.Value, view.Evaluation.Expected) ? TrajectoryStatus.OnTrack : TrajectoryStatus.AtRisk,
                unit.Status);
        }
    }
}
