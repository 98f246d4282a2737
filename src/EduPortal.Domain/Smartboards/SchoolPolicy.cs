using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Smartboards;

/// <summary>One of a school's required policies with its 责任部门 and 责任人 (circular 003 §一.4).</summary>
public sealed class SchoolPolicy
{
    public const int MaxNameLength = 30;
    public const int MaxSummaryLength = 500;

    private SchoolPolicy()
    {
    }

    public int Id { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolPath { get; private set; } = "";
    public SchoolPolicyKind Kind { get; private set; }
    public string Department { get; private set; } = "";
    public string ResponsiblePerson { get; private set; } = "";
    public DateOnly AdoptedOn { get; private set; }
    public string? Summary { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedByName { get; private set; } = "";

    /// <summary>The school's own admins record its policies.</summary>
    public static bool MayEdit(Caller caller, string schoolPath) => caller.IsAdmin && caller.Covers(schoolPath);

    public static Result<SchoolPolicy> Create(Caller caller, int schoolId, string schoolPath, SchoolPolicyKind kind, string? department,
        string? responsiblePerson, DateOnly? adoptedOn, string? summary, TimeProvider clock)
    {
        var policy = new SchoolPolicy { SchoolId = schoolId, SchoolPath = schoolPath, Kind = kind };
        var result = policy.Update(caller, department, responsiblePerson, adoptedOn, summary, clock);
        return result.Succeeded ? policy : result.Error!;
    }

    public Result Update(Caller caller, string? department, string? responsiblePerson, DateOnly? adoptedOn, string? summary, TimeProvider clock)
    {
        if (!caller.Covers(SchoolPath))
        {
            return new NotFoundError();
        }
        if (!MayEdit(caller, SchoolPath))
        {
            return new ForbiddenError("只有管理员可以登记学校制度。");
        }
        var dept = department?.Trim();
        var person = responsiblePerson?.Trim();
        var text = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim();
        var problems = new ValidationBuilder()
            .Check(!string.IsNullOrEmpty(dept), "Department", "请填写责任部门")
            .Check(dept is null || dept.Length <= MaxNameLength, "Department", $"责任部门不能超过 {MaxNameLength} 字")
            .Check(!string.IsNullOrEmpty(person), "ResponsiblePerson", "请填写责任人")
            .Check(person is null || person.Length <= MaxNameLength, "ResponsiblePerson", $"责任人不能超过 {MaxNameLength} 字")
            .Check(adoptedOn is not null, "AdoptedOn", "请填写制定日期")
            .Check(adoptedOn is null || adoptedOn <= ChinaTime.Today(clock), "AdoptedOn", "制定日期不能晚于今天")
            .Check(text is null || text.Length <= MaxSummaryLength, "Summary", $"要点不能超过 {MaxSummaryLength} 字")
            .Build();
        if (problems is not null)
        {
            return problems;
        }
        Department = dept!;
        ResponsiblePerson = person!;
        AdoptedOn = adoptedOn!.Value;
        Summary = text;
        UpdatedAt = clock.GetUtcNow();
        UpdatedByName = caller.RealName;
        return Result.Success;
    }
}
