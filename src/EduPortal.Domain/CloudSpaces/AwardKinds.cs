namespace EduPortal.Domain.CloudSpaces;

public static class AwardKinds
{
    public static IReadOnlyList<AwardKind> All { get; } = [AwardKind.TeacherSpace, AwardKind.SchoolSpace, AwardKind.DeepTeacher, AwardKind.DeepSchool];

    public static string DisplayName(this AwardKind kind) => kind switch
    {
        AwardKind.TeacherSpace => "优秀教师空间",
        AwardKind.SchoolSpace => "优秀学校空间",
        AwardKind.DeepTeacher => "深度应用优秀个人",
        AwardKind.DeepSchool => "深度应用优秀学校",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Schools nominate these and experts score them; the other two are computed from the index.</summary>
    public static bool IsNominated(this AwardKind kind) => kind is AwardKind.TeacherSpace or AwardKind.SchoolSpace;

    /// <summary>Whether the entry names a teacher (the other kinds name a school).</summary>
    public static bool IsPersonal(this AwardKind kind) => kind is AwardKind.TeacherSpace or AwardKind.DeepTeacher;
}
