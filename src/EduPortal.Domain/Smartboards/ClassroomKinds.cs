namespace EduPortal.Domain.Smartboards;

public static class ClassroomKinds
{
    public static readonly IReadOnlyList<ClassroomKind> All =
        [ClassroomKind.Ordinary, ClassroomKind.Laboratory, ClassroomKind.RecordingStudio, ClassroomKind.ControlRoom, ClassroomKind.Other];

    public static string DisplayName(this ClassroomKind kind) => kind switch
    {
        ClassroomKind.Ordinary => "普通教室",
        ClassroomKind.Laboratory => "实验室",
        ClassroomKind.RecordingStudio => "录播室",
        ClassroomKind.ControlRoom => "主控室",
        ClassroomKind.Other => "其他",
        _ => "其他",
    };

    /// <summary>Name of the person who answers for the room's devices: 班主任 for a class's room, 负责人 otherwise.</summary>
    public static string ResponsibleTitle(this ClassroomKind kind) => kind == ClassroomKind.Ordinary ? "班主任" : "负责人";
}
