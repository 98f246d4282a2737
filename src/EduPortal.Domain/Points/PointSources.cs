namespace EduPortal.Domain.Points;

public static class PointSources
{
    /// <summary>Events the portal records itself (sign-ins, profile completion, lab records).</summary>
    public const string Portal = "portal";
    /// <summary>Excel/CSV imports: <c>import-{orgUnitId}</c>, so one unit's re-import is idempotent.</summary>
    public const string ImportPrefix = "import-";
}
