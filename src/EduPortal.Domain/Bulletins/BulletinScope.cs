using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Bulletins;

/// <summary>The unit a bulletin is issued by and reports on (the city or a county); its sections stay inside its subtree.</summary>
public sealed record BulletinScope(OrgUnit Unit)
{
    public int UnitId => Unit.Id;
    public string UnitName => Unit.Name;
    public string UnitPath => Unit.Path;
    public OrgUnitKind Kind => Unit.Kind;

    /// <summary>The region the bureau serves, as a title names it: 云溪市 for 云溪市教育局.</summary>
    public string RegionName => RegionOf(UnitName);

    public static string RegionOf(string unitName) =>
        unitName.EndsWith("教育局", StringComparison.Ordinal) && unitName.Length > 3 ? unitName[..^3] : unitName;

    /// <summary>Only the city and the counties issue bulletins (their bureaus do the 通报).</summary>
    public static bool Issues(OrgUnitKind kind) => kind is OrgUnitKind.City or OrgUnitKind.County;

    /// <summary>What the rows of a section name: counties in the city's bulletin, schools (and township centres) in a county's.</summary>
    public string UnitsWord => Kind == OrgUnitKind.City ? "县区" : "学校";
}
