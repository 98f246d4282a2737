using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// An inspection round at one school against the checklist of circular 003 §二.3 ("组织相关技术人员…进行一次全面检查，
/// 重点检查线路老化及超负载运行情况，发现问题及时整改"). Every item is checked; each problem becomes a
/// <see cref="SafetyFinding"/> with a rectification deadline and a responsible person.
/// </summary>
public sealed class SafetyInspection
{
    public const int MaxTextLength = 300;
    public const int MaxNameLength = 30;
    public const int MaxRectifyDays = 180;

    private readonly List<SafetyFinding> _findings = [];

    private SafetyInspection()
    {
    }

    public int Id { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolName { get; private set; } = "";
    public string SchoolPath { get; private set; } = "";
    public DateOnly InspectedOn { get; private set; }
    public string InspectorId { get; private set; } = "";
    public string InspectorName { get; private set; } = "";
    public string? Notes { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyList<SafetyFinding> Findings => _findings;

    /// <summary>
    /// School admins and technicians of the school, township technicians and county/city admins over it record rounds
    /// (circular 003 §二.3: 组织相关技术人员…进行检查).
    /// </summary>
    public static bool MayInspect(Caller caller, string schoolPath) =>
        caller.Covers(schoolPath) && (caller.IsAdmin || caller.Has(Capability.Technician));

    public static Result<SafetyInspection> Record(Caller inspector, int schoolId, string schoolName, string schoolPath, DateOnly inspectedOn,
        string? notes, IReadOnlyList<SafetyFindingInput> findings, TimeProvider clock)
    {
        if (!MayInspect(inspector, schoolPath))
        {
            return new NotFoundError();
        }
        var today = ChinaTime.Today(clock);
        var errors = new ValidationBuilder();
        errors.Check(inspectedOn <= today, "InspectedOn", "检查日期不能晚于今天");
        errors.Check(inspectedOn >= today.AddDays(-MaxRectifyDays), "InspectedOn", $"检查日期须在 {MaxRectifyDays} 天以内");
        var trimmedNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        errors.Check(trimmedNotes is null || trimmedNotes.Length <= MaxTextLength, "Notes", $"备注不能超过 {MaxTextLength} 字");
        errors.Check(findings.Select(f => f.Item).Distinct().Count() == findings.Count, "Findings", "同一检查项只能登记一个问题");
        foreach (var finding in findings)
        {
            var key = finding.Item.ToString();
            var problem = finding.Problem?.Trim();
            errors.Check(!string.IsNullOrEmpty(problem), $"{key}.Problem", $"请填写“{finding.Item.DisplayName()}”发现的问题");
            errors.Check(problem is null || problem.Length <= MaxTextLength, $"{key}.Problem", $"问题描述不能超过 {MaxTextLength} 字");
            errors.Check(finding.RectifyBy is not null, $"{key}.RectifyBy", "请填写整改期限");
            errors.Check(finding.RectifyBy is null || (finding.RectifyBy >= inspectedOn && finding.RectifyBy <= inspectedOn.AddDays(MaxRectifyDays)),
                $"{key}.RectifyBy", $"整改期限须在检查日期之后 {MaxRectifyDays} 天以内");
            var person = finding.ResponsiblePerson?.Trim();
            errors.Check(!string.IsNullOrEmpty(person), $"{key}.ResponsiblePerson", "请填写整改责任人");
            errors.Check(person is null || person.Length <= MaxNameLength, $"{key}.ResponsiblePerson", $"责任人不能超过 {MaxNameLength} 字");
        }
        var problems = errors.Build();
        if (problems is not null)
        {
            return problems;
        }
        var inspection = new SafetyInspection
        {
            SchoolId = schoolId,
            SchoolName = schoolName,
            SchoolPath = schoolPath,
            InspectedOn = inspectedOn,
            InspectorId = inspector.UserId,
            InspectorName = inspector.RealName,
            Notes = trimmedNotes,
            RecordedAt = clock.GetUtcNow(),
        };
        foreach (var finding in findings.OrderBy(f => f.Item))
        {
            inspection._findings.Add(new SafetyFinding(schoolId, schoolPath, finding.Item, finding.Problem!.Trim(), finding.RectifyBy!.Value,
                finding.ResponsiblePerson!.Trim()));
        }
        return inspection;
    }
}
