using EduPortal.Domain.Common;

namespace EduPortal.Domain.LabRecords;

/// <summary>
/// The "open for recording" switch (开放记录) of one subject, set by a city or county admin for the schools under
/// their unit. Circular 000 §二.3: "物理、化学、生物和科学教师开始使用小程序记录实验教学情况。通用技术、信息技术教师待实验目录完善后开展记录工作。"
/// A subject without a setting anywhere above a school follows <see cref="LabSubjectOpenings.OpenByDefault"/>;
/// otherwise the nearest setting (the county's before the city's) decides.
/// </summary>
public sealed class LabSubjectOpening
{
    private LabSubjectOpening()
    {
    }

    public LabSubjectOpening(int orgUnitId, string orgPath, LabSubject subject)
    {
        OrgUnitId = orgUnitId;
        OrgPath = orgPath;
        Subject = subject;
        Open = subject.OpenByDefault();
    }

    public int Id { get; private set; }

    /// <summary>The city or county that set the switch.</summary>
    public int OrgUnitId { get; private set; }

    /// <summary>The unit's org path: the setting applies to every school under it.</summary>
    public string OrgPath { get; private set; } = "";
    public LabSubject Subject { get; private set; }
    public bool Open { get; private set; }
    public DateTimeOffset? ChangedAt { get; private set; }
    public string? ChangedByName { get; private set; }

    /// <summary>
    /// Opens or closes the subject. Opening needs catalogue entries that apply to the unit (circular 000 §二.3: the
    /// catalogue comes first), so a subject can never be open with nothing for its teachers to choose.
    /// </summary>
    public Result Set(bool open, int activeCatalogueEntries, string actorName, DateTimeOffset now)
    {
        if (open && activeCatalogueEntries == 0)
        {
            return ValidationError.For(nameof(Open), LabSubjectOpenings.CannotOpenMessage(Subject));
        }
        Open = open;
        ChangedAt = now;
        ChangedByName = actorName;
        return Result.Success;
    }
}

public static class LabSubjectOpenings
{
    /// <summary>The circular's sentence, quoted where a closed subject is refused.</summary>
    public const string CircularQuote = "根据《关于在全区中小学校使用“实验管理小程序”的通知》第二条第3项：“通用技术、信息技术教师待实验目录完善后开展记录工作。”";

    /// <summary>Circular 000 §二.3: physics, chemistry, biology and science record from the start; GT and IT wait for their catalogue.</summary>
    public static bool OpenByDefault(this LabSubject subject) => subject is not (LabSubject.GeneralTechnology or LabSubject.InformationTechnology);

    public static string ClosedMessage(LabSubject subject) =>
        $"{subject.DisplayName()}学科暂未开放记录。{CircularQuote}待管理员完善{subject.DisplayName()}实验目录并开放记录后即可记录。";

    public static string CannotOpenMessage(LabSubject subject) =>
        $"实验目录中还没有{subject.DisplayName()}学科的实验，请先在目录中添加实验再开放记录。";

    /// <summary>
    /// Whether teachers of the school at <paramref name="schoolPath"/> may record the subject: the setting of the
    /// nearest unit above the school (the county's before the city's), else the shipped default.
    /// </summary>
    public static bool IsOpenFor(LabSubject subject, string schoolPath, IEnumerable<LabSubjectOpening> settings) =>
        settings.Where(s => s.Subject == subject && schoolPath.StartsWith(s.OrgPath, StringComparison.Ordinal))
            .OrderByDescending(s => s.OrgPath.Length)
            .Select(s => (bool?)s.Open)
            .FirstOrDefault() ?? subject.OpenByDefault();
}
