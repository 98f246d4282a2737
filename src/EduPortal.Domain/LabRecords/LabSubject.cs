namespace EduPortal.Domain.LabRecords;

/// <summary>Subjects whose lessons are lab lessons (circular 000 §一.(一) 释义).</summary>
public enum LabSubject
{
    Physics = 1,
    Chemistry = 2,
    Biology = 3,
    Science = 4,
    GeneralTechnology = 5,
    InformationTechnology = 6,
}

/// <summary>学生分组实验 / 教师演示实验 / 上机实践与动手制作.</summary>
public enum LabKind
{
    GroupExperiment = 1,
    Demonstration = 2,
    HandsOnPractice = 3,
}

public static class LabSubjects
{
    public static readonly IReadOnlyList<LabSubject> All = Enum.GetValues<LabSubject>();

    public static string DisplayName(this LabSubject subject) => subject switch
    {
        LabSubject.Physics => "物理",
        LabSubject.Chemistry => "化学",
        LabSubject.Biology => "生物",
        LabSubject.Science => "科学",
        LabSubject.GeneralTechnology => "通用技术",
        LabSubject.InformationTechnology => "信息技术",
        _ => subject.ToString(),
    };

    public static LabSubject? FromName(string? name) => All.Cast<LabSubject?>().FirstOrDefault(s => s!.Value.DisplayName() == name?.Trim());

    public static string DisplayName(this LabKind kind) => kind switch
    {
        LabKind.GroupExperiment => "学生分组实验",
        LabKind.Demonstration => "教师演示实验",
        LabKind.HandsOnPractice => "上机实践与动手制作",
        _ => kind.ToString(),
    };

    /// <summary>
    /// Grades in which a subject is taught: science in primary school, physics/chemistry/biology in junior and
    /// senior school (chemistry from grade 9, physics from grade 8), IT everywhere from grade 3, general
    /// technology in senior school only.
    /// </summary>
    public static bool IsTaughtIn(this LabSubject subject, int grade) => subject switch
    {
        LabSubject.Science => grade is >= 1 and <= 6,
        LabSubject.Physics => grade is >= 8 and <= 12,
        LabSubject.Chemistry => grade is >= 9 and <= 12,
        LabSubject.Biology => grade is >= 7 and <= 12,
        LabSubject.InformationTechnology => grade is >= 3 and <= 12,
        LabSubject.GeneralTechnology => grade is >= 10 and <= 12,
        _ => false,
    };

    /// <summary>The kinds that make sense for a subject: IT and general technology lessons are hands-on practice.</summary>
    public static IReadOnlyList<LabKind> KindsFor(LabSubject subject) => subject is LabSubject.GeneralTechnology or LabSubject.InformationTechnology
        ? [LabKind.HandsOnPractice]
        : [LabKind.GroupExperiment, LabKind.Demonstration];
}
