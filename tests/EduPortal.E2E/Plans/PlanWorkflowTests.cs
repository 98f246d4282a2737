using static EduPortal.E2E.Plans.PlanSteps;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Plans;

/// <summary>
/// A plan as its users walk it: the county admin creates a plan, adds a task and breaks it down to two schools, sets a
/// target bound to the registration rate; a school admin completes its task with evidence; the parent, the target's
/// trajectory and the dashboard show it.
/// </summary>
[Collection(PortalServerCollection.Name)]
public sealed class PlanWorkflowTests(PortalServer server)
{
    [Fact]
    public async Task A_county_breaks_a_task_down_to_two_schools_sets_a_target_a_school_completes_with_evidence_and_the_dashboard_shows_it()
    {
        var title = $"东溪区网络学习空间推进方案{Guid.NewGuid():N}"[..22];
        var county = await server.NewPageAsync();
        await county.SignInAsync("county_admin");
        await county.CreatePlanAsync(title);

        // A task for the county, then broken down to two of its schools.
        await county.FillAsync("[data-testid=task-title]", "开展专任教师网络教研空间实名注册");
        await county.SelectAsync("task-unit", "东溪区教育局");
        await county.FillAsync("[data-testid=task-office]", "局教育督导室");
        await county.DateAsync("task-start", Day(0));
        await county.DateAsync("task-due", Day(30));
        await county.ClickAsync("[data-testid=add-task]");
        var taskLink = county.Locator("[data-testid=task-table] a").Filter(new() { HasText = "实名注册" });
        await Expect(taskLink).ToHaveCountAsync(1);

        // A target bound to the registration rate: ≥ 30% then ≥ 50% (circular 004 §四).
        await county.SelectAsync("target-metric", "教师实名注册率");
        await county.SelectAsync("target-scope", "东溪区教育局");
        await county.FillAsync("[data-testid=target-first-value] input, input[data-testid=target-first-value]", "30");
        await county.DateAsync("target-first-deadline", Day(60));
        await county.FillAsync("[data-testid=target-second-value] input, input[data-testid=target-second-value]", "50");
        await county.DateAsync("target-second-deadline", Day(200));
        await county.ClickAsync("[data-testid=add-target]");
        await Expect(county.Locator("[data-testid=target-table]")).ToContainTextAsync("教师实名注册率");
        await county.Locator("[data-testid=tab-months], .mud-tab").Filter(new() { HasText = "月度视图" }).First.ClickAsync();
        await Expect(county.Locator("[data-testid=gantt-bar]")).ToHaveCountAsync(1);
        await county.ShotAsync("plans-01-county-plan");

        await county.Locator("[data-testid=plan-gantt] a").Filter(new() { HasText = "实名注册" }).ClickAsync();
        await county.WaitForCircuitAsync();
        await county.Locator(".mud-checkbox").Filter(new() { HasText = OwnSchool }).ClickAsync();
        await county.Locator(".mud-checkbox").Filter(new() { HasNotText = OwnSchool }).First.ClickAsync();
        await county.ClickAsync("[data-testid=break-down]");
        await Expect(county.Locator("[data-testid=breakdown]")).ToContainTextAsync("0/2 校完成");
        var taskUrl = county.Url;

        // The school admin opens its own school task from the breakdown and completes it with evidence.
        var school = await server.NewPageAsync();
        await school.SignInAsync("school_admin");
        await school.GoAsync(new Uri(taskUrl).PathAndQuery);
        await school.Locator("[data-testid=breakdown] a").Filter(new() { HasText = OwnSchool }).ClickAsync();
        await Expect(school.Locator("[data-testid=task-status]")).ToContainTextAsync("未开始");
        await school.WaitForCircuitAsync();
        await school.ClickAsync("[data-testid=complete-task]");
        await Expect(school.Locator(".mud-input-control").Filter(new() { Has = school.Locator("[data-testid=task-summary]") }))
            .ToContainTextAsync("请填写完成情况或上传佐证材料");
        await school.Locator("input[type=file]").SetInputFilesAsync(PortalSteps.TinyPngFile("evidence"));
        await Expect(school.Locator("[data-testid=evidence-link]")).ToHaveCountAsync(1);
        await school.FillAsync("[data-testid=task-summary]", "本校专任教师已完成实名注册");
        await school.ClickAsync("[data-testid=complete-task]");
        await Expect(school.Locator("[data-testid=task-status]")).ToContainTextAsync("已完成");
        await school.ShotAsync("plans-02-school-completed");

        // The parent shows the school's completion; the target's trajectory and the dashboard show the figure.
        await county.ReloadAsync();
        await county.WaitForCircuitAsync();
        await Expect(county.Locator("[data-testid=breakdown]")).ToContainTextAsync("1/2 校完成");
        await county.ShotAsync("plans-03-county-breakdown");
        await county.GoBackAsync();
        await county.WaitForCircuitAsync();
        await county.Locator("[data-testid=target-table] a").Filter(new() { HasText = "教师实名注册率" }).ClickAsync();
        await Expect(county.Locator("[data-testid=trajectory-chart]")).ToBeVisibleAsync();
        await Expect(county.Locator("[data-testid=target-status]")).Not.ToBeEmptyAsync();
        await county.ShotAsync("plans-04-trajectory");
        await county.GoAsync("/dashboard");
        await Expect(county.Locator("[data-testid='metric-surveys.teacher-registration-rate']")).ToContainTextAsync("目标");
        await county.ShotAsync("plans-05-dashboard");
    }
}
