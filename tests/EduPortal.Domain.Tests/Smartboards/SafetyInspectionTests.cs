using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.Extensions.Time.Testing;

namespace EduPortal.Domain.Tests.Smartboards;

/// <summary>Safety inspection rounds, findings and the four required policies of circular 003 §一.4 and §二.3.</summary>
public sealed class SafetyInspectionTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Today = new(2026, 11, 23);
    private const string SchoolPath = "/1/1/1/1/";

    private static readonly Caller Teacher = new("t1", "王老师", AdminLevel.Teacher, 10, "一小", SchoolPath, OrgUnitKind.School, Capability.None);
    private static readonly Caller SchoolTech = Teacher with { UserId = "k1", RealName = "陈技术员", Capabilities = Capability.Technician };
    private static readonly Caller SchoolAdmin = new("s1", "吴校管", AdminLevel.School, 10, "一小", SchoolPath, OrgUnitKind.School, Capability.None);
    private static readonly Caller OtherSchoolAdmin = new("s2", "郑校管", AdminLevel.School, 11, "二小", "/1/1/1/2/", OrgUnitKind.School, Capability.None);
    private static readonly Caller CountyAdmin = new("c1", "孙县管", AdminLevel.County, 2, "东溪县", "/1/1/", OrgUnitKind.County, Capability.None);

    private static SafetyFindingInput Wiring(DateOnly? by = null, string? person = "陈技术员") =>
        new(SafetyCheckItem.AgeingWiring, "三年级2班插线板老化发热", by ?? Today.AddDays(7), person);

    private SafetyInspection Round(params SafetyFindingInput[] findings) =>
        SafetyInspection.Record(SchoolTech, 10, "一小", SchoolPath, Today, null, findings, _clock).Value!;

    [Fact]
    public void The_checklist_puts_ageing_wiring_and_overload_first_then_physical_then_network()
    {
        Assert.Equal(13, SafetyCheckItems.All.Count);
        Assert.Equal([SafetyCheckItem.AgeingWiring, SafetyCheckItem.Overload], SafetyCheckItems.All.Take(2));
        Assert.Equal(["防火", "防盗", "防雷", "防潮", "防尘", "防静电"],
            SafetyCheckItems.All.Where(i => i.Group() == SafetyCheckGroup.Physical).Select(i => i.DisplayName()));
        Assert.Equal(["防毒", "防黄", "防黑", "防系统漏洞", "防各种有害信息"],
            SafetyCheckItems.All.Where(i => i.Group() == SafetyCheckGroup.Network).Select(i => i.DisplayName()));
        Assert.True(SafetyCheckItem.Overload.IsPriority());
        Assert.False(SafetyCheckItem.Fire.IsPriority());
    }

    [Fact]
    public void A_round_records_each_problem_as_a_finding_with_deadline_and_responsible_person()
    {
        var round = Round(new SafetyFindingInput(SafetyCheckItem.Virus, "机房电脑病毒库过期", Today.AddDays(3), "陈技术员"), Wiring());
        Assert.Equal([SafetyCheckItem.AgeingWiring, SafetyCheckItem.Virus], round.Findings.Select(f => f.Item));
        Assert.All(round.Findings, f => Assert.False(f.IsRectified));
        Assert.Equal("陈技术员", round.Findings[0].ResponsiblePerson);
    }

    [Fact]
    public void A_finding_needs_a_problem_a_deadline_after_the_inspection_and_a_responsible_person()
    {
        var result = SafetyInspection.Record(SchoolTech, 10, "一小", SchoolPath, Today, null,
            [new SafetyFindingInput(SafetyCheckItem.Fire, " ", Today.AddDays(-1), null)], _clock);
        var fields = ((ValidationError)result.Error!).Fields;
        Assert.Equal(["Fire.Problem", "Fire.RectifyBy", "Fire.ResponsiblePerson"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("检查日期不能晚于今天",
            ((ValidationError)SafetyInspection.Record(SchoolTech, 10, "一小", SchoolPath, Today.AddDays(1), null, [], _clock).Error!).Fields["InspectedOn"]);
    }

    [Fact]
    public void Only_admins_and_technicians_over_the_school_inspect()
    {
        Assert.IsType<NotFoundError>(SafetyInspection.Record(Teacher, 10, "一小", SchoolPath, Today, null, [], _clock).Error);
        Assert.IsType<NotFoundError>(SafetyInspection.Record(OtherSchoolAdmin, 10, "一小", SchoolPath, Today, null, [], _clock).Error);
        Assert.True(SafetyInspection.Record(CountyAdmin, 10, "一小", SchoolPath, Today, null, [], _clock).Succeeded);
    }

    [Fact]
    public void A_finding_is_overdue_after_its_deadline_until_signed_off_with_a_photo()
    {
        var finding = Round(Wiring(Today.AddDays(2))).Findings[0];
        Assert.False(finding.IsOverdue(Today.AddDays(2)));
        Assert.True(finding.IsOverdue(Today.AddDays(3)));
        var noPhoto = finding.SignOff(SchoolAdmin, "已更换插线板", null, _clock);
        Assert.Equal("请上传整改后的照片", ((ValidationError)noPhoto.Error!).Fields["Photo"]);
        Assert.IsType<ForbiddenError>(finding.SignOff(Teacher, "已更换", "k.jpg", _clock).Error);
        Assert.IsType<NotFoundError>(finding.SignOff(OtherSchoolAdmin, "已更换", "k.jpg", _clock).Error);
        Assert.True(finding.SignOff(SchoolAdmin, "已更换插线板", "photo-key.jpg", _clock).Succeeded);
        Assert.False(finding.IsOverdue(Today.AddDays(30)));
        Assert.Equal(("吴校管", "photo-key.jpg"), (finding.SignedOffByName, finding.SignOffPhotoKey));
        Assert.IsType<ConflictError>(finding.SignOff(SchoolAdmin, "再次", "p.jpg", _clock).Error);
    }

    [Fact]
    public void The_reminder_fires_once_a_day_for_findings_due_soon_or_overdue()
    {
        var finding = Round(Wiring(Today.AddDays(5))).Findings[0];
        Assert.False(finding.Remind(Today, days: 3));
        Assert.True(finding.Remind(Today.AddDays(2), days: 3));
        Assert.False(finding.Remind(Today.AddDays(2), days: 3));
        Assert.True(finding.Remind(Today.AddDays(9), days: 3));
        finding.SignOff(SchoolAdmin, "已整改", "p.jpg", _clock);
        Assert.False(finding.Remind(Today.AddDays(10), days: 3));
    }

    [Fact]
    public void The_four_required_policies_and_the_missing_ones()
    {
        Assert.Equal(["设备维护和保养制度", "网络与信息安全管理制度", "日常应用管理制度", "绩效考评制度"], SchoolPolicyKinds.All.Select(k => k.DisplayName()));
        Assert.Equal([SchoolPolicyKind.NetworkSecurity, SchoolPolicyKind.Performance],
            SchoolPolicyKinds.Missing([SchoolPolicyKind.Maintenance, SchoolPolicyKind.DailyUse]));
        Assert.Empty(SchoolPolicyKinds.Missing(SchoolPolicyKinds.All));
    }

    [Fact]
    public void A_policy_needs_a_department_and_a_responsible_person_and_only_admins_record_it()
    {
        var bad = SchoolPolicy.Create(SchoolAdmin, 10, SchoolPath, SchoolPolicyKind.Maintenance, "", null, null, null, _clock);
        Assert.Equal(["AdoptedOn", "Department", "ResponsiblePerson"], ((ValidationError)bad.Error!).Fields.Keys.Order(StringComparer.Ordinal));
        Assert.IsType<ForbiddenError>(SchoolPolicy.Create(Teacher, 10, SchoolPath, SchoolPolicyKind.Maintenance, "电教处", "陈技术员", Today, null, _clock).Error);
        Assert.IsType<NotFoundError>(SchoolPolicy.Create(OtherSchoolAdmin, 10, SchoolPath, SchoolPolicyKind.Maintenance, "电教处", "陈技术员", Today, null, _clock).Error);
        var policy = SchoolPolicy.Create(SchoolAdmin, 10, SchoolPath, SchoolPolicyKind.Maintenance, "电教处", "陈技术员", Today, null, _clock).Value!;
        Assert.Equal(("电教处", "陈技术员"), (policy.Department, policy.ResponsiblePerson));
    }
}
