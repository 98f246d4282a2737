namespace EduPortal.Domain.Smartboards;

/// <summary>The two kinds of demo lesson circular 003 §三.2 names: 观摩课 and 示范课.</summary>
public enum DemoLessonKind
{
    Observation = 1,
    Model = 2,
}
