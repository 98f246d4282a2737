namespace EduPortal.Domain.Smartboards;

public static class DemoLessonKinds
{
    public static readonly IReadOnlyList<DemoLessonKind> All = Enum.GetValues<DemoLessonKind>();

    public static string DisplayName(this DemoLessonKind kind) => kind switch
    {
        DemoLessonKind.Observation => "观摩课",
        DemoLessonKind.Model => "示范课",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
