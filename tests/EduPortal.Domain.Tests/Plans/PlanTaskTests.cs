using EduPortal.Domain.Common;
using EduPortal.Domain.Plans;
using static EduPortal.Domain.Tests.Plans.PlanFixtures;

namespace EduPortal.Domain.Tests.Plans;

public sealed class PlanTaskTests
{
    private static readonly DateOnly Due = new(2026, 5, 31);

    [Fact]
    public void A_task_is_overdue_from_the_china_day_after_its_due_date()
    {
        var task = SchoolTask(CountyPlan(), Due);
        // 2026-05-31 23:59 in China is 15:59 UTC: still on time.
        Assert.Equal(PlanTaskStatus.NotStarted, task.StatusAt(new DateTimeOffset(2026, 5, 31, 15, 59, 0, TimeSpan.Zero)));
        // 2026-06-01 00:00 in China is 16:00 UTC on the 31st: overdue, though the UTC date is still the due date.
        Assert.Equal(PlanTaskStatus.Overdue, task.StatusAt(new DateTimeOffset(2026, 5, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(PlanTaskStatus.NotStarted, task.StatusOn(Due));
        Assert.Equal("逾期", task.StatusOn(Due.AddDays(1)).DisplayName());
    }

    [Fact]
    public void A_completed_task_is_never_overdue_but_a_late_completion_is_marked()
    {
        var task = SchoolTask(CountyPlan(), Due);
        Assert.True(task.Complete(SchoolAdminA, "已完成布线", new DateTimeOffset(2026, 6, 2, 1, 0, 0, TimeSpan.Zero)).Succeeded);
        Assert.Equal(PlanTaskStatus.Completed, task.StatusOn(Due.AddDays(30)));
        Assert.True(task.CompletedLate);
        var onTime = SchoolTask(CountyPlan(), Due);
        Assert.True(onTime.Complete(SchoolAdminA, "完成", new DateTimeOffset(2026, 5, 31, 15, 0, 0, TimeSpan.Zero)).Succeeded);
        Assert.False(onTime.CompletedLate);
    }

    [Fact]
    public void A_note_or_evidence_starts_the_task_and_completion_needs_a_summary_or_evidence()
    {
        var task = SchoolTask(CountyPlan(), Due);
        Assert.Equal("请填写完成情况或上传佐证材料", Assert.IsType<ValidationError>(task.Complete(SchoolAdminA, " ", Now).Error).Fields["CompletionSummary"]);
        Assert.True(task.AddEvidence(SchoolAdminA, "plans/1/a.pdf", "布线验收单.pdf", "application/pdf", Now).Succeeded);
        Assert.Equal(PlanTaskStatus.InProgress, task.StatusOn(Due));
        Assert.True(task.Complete(SchoolAdminA, null, Now).Succeeded);
        Assert.IsType<ConflictError>(task.AddNote(SchoolAdminA, "再补充", Now).Error);
    }

    [Fact]
    public void Only_the_responsible_units_admins_or_the_plan_owner_report_on_a_task()
    {
        var task = SchoolTask(CountyPlan(), Due);
        Assert.Equal(new PlanTaskPermissions(true, true, false), task.PermissionsFor(SchoolAdminA));
        Assert.Equal(new PlanTaskPermissions(true, false, false), task.PermissionsFor(SchoolAdminB));
        Assert.Equal(new PlanTaskPermissions(true, false, false), task.PermissionsFor(TeacherA));
        Assert.Equal(new PlanTaskPermissions(false, false, false), task.PermissionsFor(OtherCounty));
        Assert.True(task.PermissionsFor(County).CanReport);
        Assert.IsType<ForbiddenError>(task.AddNote(SchoolAdminB, "进展", Now).Error);
        Assert.IsType<ForbiddenError>(task.AddNote(City, "进展", Now).Error);
    }

    [Fact]
    public void A_task_is_for_a_unit_inside_the_plans_owner()
    {
        var error = PlanTask.Create(CountyPlan(), County, OtherCountySchool, "任务", "", new DateOnly(2026, 3, 1), Due, null, null).Error;
        Assert.Equal("责任单位须在方案所属单位的管辖范围内", Assert.IsType<ValidationError>(error).Fields["ResponsibleUnitId"]);
        Assert.IsType<ForbiddenError>(PlanTask.Create(CountyPlan(), SchoolAdminA, SchoolA, "任务", "", new DateOnly(2026, 3, 1), Due, null, null).Error);
        Assert.Equal("2026年3月-5月", SchoolTask(CountyPlan(), Due).Period);
    }

    [Fact]
    public void A_county_task_breaks_down_to_one_task_per_school_of_the_county_once_each()
    {
        var plan = CountyPlan();
        var parent = CountyTask(plan, Due);
        Assert.IsType<ForbiddenError>(parent.BreakDown(SchoolAdminA, [SchoolA], []).Error);
        Assert.IsType<ValidationError>(parent.BreakDown(County, [OtherCountySchool], []).Error);
        var children = parent.BreakDown(County, [SchoolA, SchoolB], []).Value!;
        Assert.Equal([30, 31], children.Select(c => c.ResponsibleUnitId));
        Assert.All(children, c => Assert.Equal((parent.Title, Due, "局教育督导室"), (c.Title, c.DueDate, c.SupervisingOffice)));
        Assert.True(parent.IsBrokenDown);
        Assert.Equal("以下学校已分解过该任务：东溪区第一初级中学", Assert.IsType<ValidationError>(parent.BreakDown(County, [SchoolA], [30, 31]).Error).Fields["Schools"]);
        // The parent's progress is its children's: nobody reports on it directly.
        Assert.IsType<ConflictError>(parent.AddNote(County, "进展", Now).Error);
        Assert.False(children[0].PermissionsFor(County).CanBreakDown);
    }

    [Fact]
    public void The_parent_shows_its_schools_completion_and_is_complete_when_all_are()
    {
        var parent = CountyTask(CountyPlan(), Due);
        var children = parent.BreakDown(County, [SchoolA, SchoolB], []).Value!;
        Assert.True(children[0].Complete(SchoolAdminA, "完成", Now).Succeeded);
        var halfway = PlanTaskBreakdown.Of(children, Due);
        Assert.Equal(("1/2 校完成", 0.5m), (halfway.Label, halfway.Ratio));
        Assert.Equal(PlanTaskStatus.InProgress, halfway.ParentStatus(parent, Due));
        var late = PlanTaskBreakdown.Of(children, Due.AddDays(1));
        Assert.Equal(1, late.Overdue);
        Assert.Equal(PlanTaskStatus.Overdue, late.ParentStatus(parent, Due.AddDays(1)));
        Assert.True(children[1].Complete(SchoolAdminB, "完成", Now).Succeeded);
        Assert.Equal(PlanTaskStatus.Completed, PlanTaskBreakdown.Of(children, Due.AddDays(1)).ParentStatus(parent, Due.AddDays(1)));
    }
}
