namespace EduPortal.Domain.Smartboards;

/// <summary>Classes with interactive equipment against all classes of a unit (班班通覆盖率).</summary>
public readonly record struct CoverageFigure(int Classes, int EquippedClasses)
{
    /// <summary>Equipped share in [0, 1]; a unit without classes has none to cover and counts as 1.</summary>
    public double Rate => Classes == 0 ? 1d : (double)EquippedClasses / Classes;

    public bool MeetsTarget => EquippedClasses >= Classes;

    public static CoverageFigure operator +(CoverageFigure a, CoverageFigure b) =>
        new(a.Classes + b.Classes, a.EquippedClasses + b.EquippedClasses);
}
