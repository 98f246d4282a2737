using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.Extensions.Time.Testing;

namespace EduPortal.Domain.Tests.Smartboards;

/// <summary>The tiered repair ticket of circular 003 §二.4, transition by transition.</summary>
public sealed class RepairTicketTests
{
    // Monday 2026-11-23 10:00 China time.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private static readonly WorkingCalendar Calendar = new(DefaultWorkingCalendars.Create(DateTimeOffset.UnixEpoch));
    private static readonly RepairDeadlines Deadlines = RepairDeadlines.Default;

    // City /1/ → county /1/1/ → township /1/1/1/ → school /1/1/1/1/; another school /1/1/1/2/.
    private static readonly Caller Teacher = new("t1", "王老师", AdminLevel.Teacher, 10, "一小", "/1/1/1/1/", OrgUnitKind.School, Capability.None);
    private static readonly Caller HeadTeacher = Teacher with { UserId = "t2", RealName = "李班主任" };
    private static readonly Caller Colleague = Teacher with { UserId = "t3", RealName = "赵老师" };
    private static readonly Caller SchoolTech = new("k1", "陈技术员", AdminLevel.Teacher, 10, "一小", "/1/1/1/1/", OrgUnitKind.School, Capability.Technician);
    private static readonly Caller OtherSchoolTech = new("k2", "刘技术员", AdminLevel.Teacher, 11, "二小", "/1/1/1/2/", OrgUnitKind.School, Capability.Technician);
    private static readonly Caller TownshipTech = new("k3", "周服务组", AdminLevel.School, 5, "城关镇中心校", "/1/1/1/", OrgUnitKind.Township, Capability.Technician);
    private static readonly Caller TownshipAdmin = TownshipTech with { UserId = "s5", Capabilities = Capability.None };
    private static readonly Caller CountyAdmin = new("c1", "孙县管", AdminLevel.County, 2, "东溪县", "/1/1/", OrgUnitKind.County, Capability.None);
    private static readonly Caller OtherCountyAdmin = new("c2", "钱县管", AdminLevel.County, 3, "西岭县", "/1/2/", OrgUnitKind.County, Capability.None);
    private static readonly Caller SchoolAdmin = new("s1", "吴校管", AdminLevel.School, 10, "一小", "/1/1/1/1/", OrgUnitKind.School, Capability.None);

    private static RepairDevice Device(int? townshipId = 5, bool scrapped = false, bool open = false) =>
        new(7, "BBT-0007", "交互式一体机", "三年级2班", 10, "一小", "/1/1/1/1/", townshipId, 2, "t2", scrapped, open);

    private RepairTicket Raise(int? townshipId = 5) =>
        RepairTicket.Raise(Teacher, Device(townshipId), "无法开机", null, Deadlines, Calendar, _clock).Value!;

    private void At(int year, int month, int day, int hour) =>
        _clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public void A_teacher_raises_a_ticket_at_the_school_tier_with_the_school_deadline()
    {
        var ticket = Raise();
        Assert.Equal(RepairTicketState.Waiting, ticket.State);
        Assert.Equal(RepairTier.School, ticket.Tier);
        // Monday + 2 working days → end of Wednesday.
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.FromHours(8)), ticket.TierDeadline);
        var step = Assert.Single(ticket.Steps);
        Assert.Equal((RepairStepKind.Raised, "王老师", "无法开机"), (step.Kind, step.ActorName, step.Note));
    }

    [Fact]
    public void Only_the_device_school_may_report_and_not_on_a_scrapped_or_already_reported_device()
    {
        Assert.IsType<NotFoundError>(RepairTicket.Raise(OtherSchoolTech, Device(), "无法开机", null, Deadlines, Calendar, _clock).Error);
        Assert.IsType<NotFoundError>(RepairTicket.Raise(CountyAdmin, Device(), "无法开机", null, Deadlines, Calendar, _clock).Error);
        Assert.Contains("已报废", RepairTicket.Raise(Teacher, Device(scrapped: true), "无法开机", null, Deadlines, Calendar, _clock).Error!.Message);
        Assert.Contains("未完成的报修单", RepairTicket.Raise(Teacher, Device(open: true), "无法开机", null, Deadlines, Calendar, _clock).Error!.Message);
        var empty = RepairTicket.Raise(Teacher, Device(), "  ", null, Deadlines, Calendar, _clock).Error;
        Assert.Equal("请填写故障描述", ((ValidationError)empty!).Fields["Fault"]);
    }

    [Fact]
    public void The_school_technician_takes_works_and_resolves_with_parts_and_cost()
    {
        var ticket = Raise();
        Assert.True(ticket.Take(SchoolTech, _clock).Succeeded);
        Assert.Equal((RepairTicketState.InProgress, "k1"), (ticket.State, ticket.AssigneeId));
        Assert.True(ticket.RecordWork(SchoolTech, "检查电源板", null, null, _clock).Succeeded);
        _clock.Advance(TimeSpan.FromHours(3));
        Assert.True(ticket.Resolve(SchoolTech, "更换电源适配器", "电源适配器 1 个", 85.5m, _clock).Succeeded);
        Assert.Equal(RepairTicketState.Resolved, ticket.State);
        Assert.Equal(85.5m, ticket.TotalCost);
        Assert.Equal(_clock.GetUtcNow(), ticket.ResolvedAt);
        Assert.False(ticket.EverOverdue);
        var last = ticket.Steps[^1];
        Assert.Equal((RepairStepKind.Resolved, "电源适配器 1 个", 85.5m, RepairTier.School), (last.Kind, last.Parts, last.Cost, last.Tier));
    }

    [Fact]
    public void Only_a_technician_of_the_current_tier_may_act()
    {
        var ticket = Raise();
        Assert.IsType<NotFoundError>(ticket.Take(OtherSchoolTech, _clock).Error);
        Assert.IsType<ForbiddenError>(ticket.Take(TownshipTech, _clock).Error);
        Assert.IsType<ForbiddenError>(ticket.Take(CountyAdmin, _clock).Error);
        Assert.IsType<ForbiddenError>(ticket.Take(SchoolAdmin, _clock).Error);
        Assert.IsType<ForbiddenError>(ticket.Resolve(Teacher, "自己修好了", null, null, _clock).Error);
        Assert.True(ticket.Take(SchoolTech, _clock).Succeeded);
        Assert.IsType<ConflictError>(ticket.Take(SchoolTech, _clock).Error);
    }

    [Fact]
    public void Bad_work_input_is_refused_field_by_field_and_nothing_changes()
    {
        var ticket = Raise();
        var result = ticket.Resolve(SchoolTech, "", new string('件', 201), -1m, _clock);
        var fields = ((ValidationError)result.Error!).Fields;
        Assert.Equal(["Cost", "Note", "Parts"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(RepairTicketState.Waiting, ticket.State);
        Assert.Single(ticket.Steps);
        Assert.Contains("两位小数", ((ValidationError)ticket.Resolve(SchoolTech, "更换", null, 1.234m, _clock).Error!).Fields["Cost"]);
    }

    [Fact]
    public void The_school_technician_escalates_on_request_to_the_township_group_with_the_township_deadline()
    {
        var ticket = Raise();
        Assert.Equal("请填写上报原因", ((ValidationError)ticket.Escalate(SchoolTech, null, Deadlines, Calendar, _clock).Error!).Fields["Reason"]);
        Assert.True(ticket.Escalate(SchoolTech, "主板故障，学校无检测工具", Deadlines, Calendar, _clock).Succeeded);
        Assert.Equal((RepairTier.Township, RepairTicketState.Waiting, (string?)null), (ticket.Tier, ticket.State, ticket.AssigneeId));
        // Monday + 3 working days → end of Thursday.
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(8)), ticket.TierDeadline);
        Assert.Equal(RepairStepKind.Escalated, ticket.Steps[^1].Kind);
        Assert.Equal(RepairTier.School, ticket.Steps[^1].Tier);
        Assert.IsType<ForbiddenError>(ticket.Take(SchoolTech, _clock).Error);
        Assert.IsType<ForbiddenError>(ticket.Take(TownshipAdmin, _clock).Error);
        Assert.True(ticket.Take(TownshipTech, _clock).Succeeded);
    }

    [Fact]
    public void The_township_escalates_to_the_bureau_and_the_bureau_cannot_escalate()
    {
        var ticket = Raise();
        ticket.Escalate(SchoolTech, "无法修复", Deadlines, Calendar, _clock);
        Assert.True(ticket.Escalate(TownshipTech, "需厂家返修", Deadlines, Calendar, _clock).Succeeded);
        Assert.Equal(RepairTier.Bureau, ticket.Tier);
        Assert.IsType<ForbiddenError>(ticket.Take(TownshipTech, _clock).Error);
        Assert.IsType<NotFoundError>(ticket.Take(OtherCountyAdmin, _clock).Error);
        Assert.Contains("不能再上报", ticket.Escalate(CountyAdmin, "再上报", Deadlines, Calendar, _clock).Error!.Message);
        Assert.False(ticket.PermissionsFor(CountyAdmin).CanEscalate);
        Assert.True(ticket.Take(CountyAdmin, _clock).Succeeded);
    }

    [Fact]
    public void A_school_directly_under_the_county_escalates_straight_to_the_bureau()
    {
        var ticket = Raise(townshipId: null);
        ticket.Escalate(SchoolTech, "无法修复", Deadlines, Calendar, _clock);
        Assert.Equal(RepairTier.Bureau, ticket.Tier);
    }

    [Fact]
    public void The_job_escalates_only_after_the_deadline_and_only_once()
    {
        var ticket = Raise();   // Monday; school deadline end of Wednesday 11-25
        At(2026, 11, 25, 23);
        Assert.False(ticket.EscalateIfOverdue(Deadlines, Calendar, _clock));
        Assert.False(ticket.IsOverdue(_clock.GetUtcNow()));
        At(2026, 11, 26, 0);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(ticket.IsOverdue(_clock.GetUtcNow()));
        Assert.True(ticket.EscalateIfOverdue(Deadlines, Calendar, _clock));
        Assert.False(ticket.EscalateIfOverdue(Deadlines, Calendar, _clock));
        Assert.Equal(RepairTier.Township, ticket.Tier);
        Assert.True(ticket.EverOverdue);
        var step = ticket.Steps[^1];
        Assert.Equal((RepairStepKind.AutoEscalated, (string?)null, RepairTicket.JobActorName), (step.Kind, step.ActorId, step.ActorName));
        // Thursday 11-26 + 3 working days → Tuesday 12-01 (over the weekend).
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.FromHours(8)), ticket.TierDeadline);
    }

    [Fact]
    public void Overdue_at_the_bureau_stays_flagged_without_a_further_tier()
    {
        var ticket = Raise();
        ticket.Escalate(SchoolTech, "无法修复", Deadlines, Calendar, _clock);
        ticket.Escalate(TownshipTech, "无法修复", Deadlines, Calendar, _clock);
        _clock.Advance(TimeSpan.FromDays(30));
        var steps = ticket.Steps.Count;
        Assert.False(ticket.EscalateIfOverdue(Deadlines, Calendar, _clock));
        Assert.True(ticket.IsOverdue(_clock.GetUtcNow()));
        Assert.True(ticket.EverOverdue);
        Assert.Equal(steps, ticket.Steps.Count);
    }

    [Fact]
    public void The_deadline_over_the_national_day_holiday_counts_working_days_only()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 30, 9, 0, 0, TimeSpan.FromHours(8)));
        var ticket = RepairTicket.Raise(Teacher, Device(), "无法开机", null, Deadlines, Calendar, clock).Value!;
        // Wednesday 09-30 + 2: 10-01..07 off, Thu 10-08 and Fri 10-09 → end of 10-09.
        Assert.Equal(new DateTimeOffset(2026, 10, 10, 0, 0, 0, TimeSpan.FromHours(8)), ticket.TierDeadline);
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 9, 23, 59, 0, TimeSpan.FromHours(8)));
        Assert.False(ticket.EscalateIfOverdue(Deadlines, Calendar, clock));
    }

    [Fact]
    public void A_resolved_ticket_is_no_longer_escalated_and_a_late_resolution_counts_as_overdue()
    {
        var ticket = Raise();
        At(2026, 11, 30, 9);
        Assert.True(ticket.Resolve(SchoolTech, "重装系统", null, null, _clock).Succeeded);
        Assert.True(ticket.EverOverdue);
        Assert.False(ticket.IsOverdue(_clock.GetUtcNow()));
        Assert.False(ticket.EscalateIfOverdue(Deadlines, Calendar, _clock));
    }

    [Fact]
    public void The_reporter_accepts_fixed_and_the_device_returns_to_service()
    {
        var ticket = Raise();
        _clock.Advance(TimeSpan.FromHours(5));
        ticket.Resolve(SchoolTech, "更换电源", null, null, _clock);
        _clock.Advance(TimeSpan.FromHours(20));
        var outcome = ticket.Accept(Teacher, RepairVerdict.Fixed, null, Deadlines, Calendar, _clock);
        Assert.Equal(300, ticket.RepairMinutes);
        Assert.Equal(DeviceOutcome.ReturnToService, outcome.Value);
        Assert.Equal(RepairTicketState.Closed, ticket.State);
        Assert.NotNull(ticket.ClosedAt);
        Assert.False(ticket.State.IsOpen());
        Assert.Equal(RepairStepKind.AcceptedFixed, ticket.Steps[^1].Kind);
    }

    [Fact]
    public void The_head_teacher_may_accept_but_not_a_colleague_a_technician_or_an_admin()
    {
        var ticket = Raise();
        ticket.Resolve(SchoolTech, "更换电源", null, null, _clock);
        Assert.IsType<NotFoundError>(ticket.Accept(Colleague, RepairVerdict.Fixed, null, Deadlines, Calendar, _clock).Error);
        Assert.IsType<ForbiddenError>(ticket.Accept(SchoolTech, RepairVerdict.Fixed, null, Deadlines, Calendar, _clock).Error);
        Assert.IsType<ForbiddenError>(ticket.Accept(SchoolAdmin, RepairVerdict.Fixed, null, Deadlines, Calendar, _clock).Error);
        Assert.True(ticket.PermissionsFor(HeadTeacher).CanAccept);
        Assert.True(ticket.Accept(HeadTeacher, RepairVerdict.Fixed, null, Deadlines, Calendar, _clock).Succeeded);
    }

    [Fact]
    public void Acceptance_needs_a_resolved_ticket()
    {
        var ticket = Raise();
        Assert.IsType<ConflictError>(ticket.Accept(Teacher, RepairVerdict.Fixed, null, Deadlines, Calendar, _clock).Error);
        Assert.False(ticket.PermissionsFor(Teacher).CanAccept);
    }

    [Fact]
    public void Rework_reopens_at_the_same_tier_with_the_same_technician_and_a_fresh_deadline()
    {
        var ticket = Raise();
        ticket.Escalate(SchoolTech, "无法修复", Deadlines, Calendar, _clock);
        ticket.Take(TownshipTech, _clock);
        ticket.Resolve(TownshipTech, "更换主板", "主板", 600m, _clock);
        At(2026, 11, 27, 9);   // Friday
        Assert.Equal("请填写原因", ((ValidationError)ticket.Accept(Teacher, RepairVerdict.Rework, null, Deadlines, Calendar, _clock).Error!).Fields["Comment"]);
        var outcome = ticket.Accept(Teacher, RepairVerdict.Rework, "仍然黑屏", Deadlines, Calendar, _clock);
        Assert.Equal(DeviceOutcome.None, outcome.Value);
        Assert.Equal((RepairTier.Township, RepairTicketState.InProgress, "k3"), (ticket.Tier, ticket.State, ticket.AssigneeId));
        Assert.Null(ticket.ResolvedAt);
        // Friday + 3 working days → Wednesday 12-02.
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.FromHours(8)), ticket.TierDeadline);
        Assert.Equal(RepairStepKind.Reworked, ticket.Steps[^1].Kind);
    }

    [Fact]
    public void Scrap_closes_the_ticket_and_asks_the_register_to_scrap_the_device()
    {
        var ticket = Raise();
        ticket.Resolve(SchoolTech, "屏幕碎裂，无维修价值", null, null, _clock);
        var outcome = ticket.Accept(HeadTeacher, RepairVerdict.Scrap, "同意报废", Deadlines, Calendar, _clock);
        Assert.Equal(DeviceOutcome.Scrap, outcome.Value);
        Assert.Equal(RepairTicketState.Scrapped, ticket.State);
        Assert.Equal(RepairStepKind.Scrapped, ticket.Steps[^1].Kind);
    }

    [Fact]
    public void Permissions_follow_the_transitions_checks()
    {
        var ticket = Raise();
        Assert.Equal(RepairTicketPermissions.None, ticket.PermissionsFor(OtherSchoolTech));
        Assert.Equal(RepairTicketPermissions.None, ticket.PermissionsFor(Colleague));
        Assert.Equal(new RepairTicketPermissions(true, false, false, false, false, false), ticket.PermissionsFor(Teacher));
        Assert.Equal(new RepairTicketPermissions(true, true, true, true, true, false), ticket.PermissionsFor(SchoolTech));
        Assert.Equal(new RepairTicketPermissions(true, false, false, false, false, false), ticket.PermissionsFor(TownshipTech));
        Assert.Equal(new RepairTicketPermissions(true, false, false, false, false, false), ticket.PermissionsFor(CountyAdmin));
        Assert.Equal(new RepairTicketPermissions(true, false, false, false, false, false), ticket.PermissionsFor(SchoolAdmin));
        ticket.Take(SchoolTech, _clock);
        Assert.Equal(new RepairTicketPermissions(true, false, true, true, true, false), ticket.PermissionsFor(SchoolTech));
    }

    [Fact]
    public void Default_deadlines_are_two_three_and_five_working_days_and_a_county_may_change_them()
    {
        Assert.Equal((2, 3, 5), (Deadlines.For(RepairTier.School), Deadlines.For(RepairTier.Township), Deadlines.For(RepairTier.Bureau)));
        var setting = RepairDeadlineSetting.Create(2, new RepairDeadlines(1, 2, 4), "孙县管", _clock.GetUtcNow()).Value!;
        Assert.Equal(new RepairDeadlines(1, 2, 4), setting.Deadlines);
        var bad = setting.Update(new RepairDeadlines(0, 2, 31), "孙县管", _clock.GetUtcNow());
        Assert.Equal(["BureauDays", "SchoolDays"], ((ValidationError)bad.Error!).Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new RepairDeadlines(1, 2, 4), setting.Deadlines);
    }
}
