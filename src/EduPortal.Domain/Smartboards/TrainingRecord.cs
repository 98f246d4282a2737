using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// A 班班通 training (circular 003 §三.1; circular 004 (五)1 and (六)) with its attendees and hours. Recorded by the
/// admins of the organising unit: a school for its 校本培训, a township, county or city for the training it runs,
/// with attendees from any school of its subtree. The hours of every attendee feed continuing education (circular 004
/// (五)1: "将教师教育技术能力培训纳入中小学教师继续教育的重要内容").
/// </summary>
public sealed class TrainingRecord
{
    public const int MaxTitleLength = 100;
    public const int MaxOrganiserLength = 50;
    public const int MaxAttendees = 500;

    /// <summary>The most hours one training may count: a fortnight's residential course (10 days × 8 学时).</summary>
    public const decimal MaxHours = 80m;

    /// <summary>Trainings may be entered up to this many days after they were held (the previous school year).</summary>
    public const int MaxBackdateDays = 400;

    private readonly List<TrainingAttendance> _attendances = [];

    private TrainingRecord()
    {
    }

    public int Id { get; private set; }
    public TrainingKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Organiser { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public decimal Hours { get; private set; }
    public int OwnerOrgId { get; private set; }
    public string OwnerPath { get; private set; } = "";
    public string RecordedById { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyList<TrainingAttendance> Attendances => _attendances;

    /// <summary>Admins record trainings of their unit (a school admin its school's, a county admin the county's).</summary>
    public static bool MayRecord(Caller caller) => caller.IsAdmin;

    public static Result<TrainingRecord> Record(Caller caller, TrainingKind? kind, string? title, string? organiser, DateOnly? heldOn, decimal? hours,
        IReadOnlyList<TrainingAttendee> attendees, TimeProvider clock)
    {
        if (!MayRecord(caller))
        {
            return new ForbiddenError("只有管理员可以登记培训。");
        }
        var today = ChinaTime.Today(clock);
        var errors = new ValidationBuilder();
        errors.Check(kind is not null && Enum.IsDefined(kind.Value), "Kind", "请选择培训类别");
        var trimmedTitle = title?.Trim();
        errors.Check(!string.IsNullOrEmpty(trimmedTitle), "Title", "请填写培训名称");
        errors.Check(trimmedTitle is null || trimmedTitle.Length <= MaxTitleLength, "Title", $"培训名称不能超过 {MaxTitleLength} 字");
        var trimmedOrganiser = organiser?.Trim();
        errors.Check(!string.IsNullOrEmpty(trimmedOrganiser), "Organiser", "请填写主办单位");
        errors.Check(trimmedOrganiser is null || trimmedOrganiser.Length <= MaxOrganiserLength, "Organiser", $"主办单位不能超过 {MaxOrganiserLength} 字");
        errors.Check(heldOn is not null, "HeldOn", "请填写培训日期");
        errors.Check(heldOn is null || heldOn <= today, "HeldOn", "培训日期不能晚于今天");
        errors.Check(heldOn is null || heldOn > today || heldOn >= today.AddDays(-MaxBackdateDays), "HeldOn", $"只能补录 {MaxBackdateDays} 天以内的培训");
        errors.Check(hours is not null, "Hours", "请填写学时");
        errors.Check(hours is null || hours > 0, "Hours", "学时必须大于 0");
        errors.Check(hours is null || hours <= MaxHours, "Hours", $"一次培训不能超过 {MaxHours:0} 学时");
        errors.Check(hours is null || decimal.Round(hours.Value, 1) == hours.Value, "Hours", "学时最多保留一位小数");
        errors.Check(attendees.Count > 0, "Attendees", "请选择参训人员");
        errors.Check(attendees.Count <= MaxAttendees, "Attendees", $"一次最多登记 {MaxAttendees} 名参训人员");
        errors.Check(attendees.Select(a => a.UserId).Distinct().Count() == attendees.Count, "Attendees", "参训人员不能重复");
        // Attendees from outside the recorder's subtree are refused: a school records its own teachers only.
        var outside = attendees.Count(a => !caller.Covers(a.SchoolPath));
        errors.Check(outside == 0, "Attendees", $"有 {outside} 名参训人员不在您的管辖范围内，只能登记本单位（及下属学校）的教职工");
        var problems = errors.Build();
        if (problems is not null)
        {
            return problems;
        }
        var record = new TrainingRecord
        {
            Kind = kind!.Value,
            Title = trimmedTitle!,
            Organiser = trimmedOrganiser!,
            HeldOn = heldOn!.Value,
            Hours = hours!.Value,
            OwnerOrgId = caller.OrgUnitId,
            OwnerPath = caller.OrgPath,
            RecordedById = caller.UserId,
            RecordedByName = caller.RealName,
            RecordedAt = clock.GetUtcNow(),
        };
        foreach (var attendee in attendees.OrderBy(a => a.SchoolPath, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal))
        {
            record._attendances.Add(new TrainingAttendance(attendee, record.HeldOn, record.Hours));
        }
        return record;
    }

    /// <summary>Admins of the recording unit or above it delete a wrong record (its hours leave the totals).</summary>
    public bool MayDelete(Caller caller) => caller.IsAdmin && caller.Covers(OwnerPath);

    public TrainingPermissions PermissionsFor(Caller caller)
    {
        var visible = caller.Covers(OwnerPath) || _attendances.Any(a => caller.Covers(a.SchoolPath));
        return visible ? new TrainingPermissions(true, MayDelete(caller)) : TrainingPermissions.None;
    }
}
