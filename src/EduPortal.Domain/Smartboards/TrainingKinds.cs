namespace EduPortal.Domain.Smartboards;

public static class TrainingKinds
{
    public static readonly IReadOnlyList<TrainingKind> All = Enum.GetValues<TrainingKind>();

    public static string DisplayName(this TrainingKind kind) => kind switch
    {
        TrainingKind.Principal => "校长培训",
        TrainingKind.KeyTeacher => "骨干教师培训",
        TrainingKind.Technician => "技术人员培训",
        TrainingKind.AllStaff => "全员培训",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
