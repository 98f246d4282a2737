namespace EduPortal.Domain.Organization;

/// <summary>Levels of the org tree: city bureau (市) → county/district bureau (县/区) → optional township centre school (乡镇中心校) → school (学校).</summary>
public enum OrgUnitKind
{
    City = 1,
    County = 2,
    Township = 3,
    School = 4,
}

public static class OrgUnitKinds
{
    public static string DisplayName(this OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.City => "市教育局",
        OrgUnitKind.County => "县区教育局",
        OrgUnitKind.Township => "乡镇中心校",
        OrgUnitKind.School => "学校",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Which kinds of unit may sit directly under a unit of this kind.</summary>
    public static IReadOnlyList<OrgUnitKind> AllowedChildren(this OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.City => [OrgUnitKind.County],
        OrgUnitKind.County => [OrgUnitKind.Township, OrgUnitKind.School],
        OrgUnitKind.Township => [OrgUnitKind.School],
        OrgUnitKind.School => [],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
