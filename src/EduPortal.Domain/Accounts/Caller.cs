using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Accounts;

/// <summary>
/// The signed-in person an operation runs for, read fresh from the database per operation.
/// Its <see cref="OrgPath"/> is the root of the caller's jurisdiction.
/// </summary>
public sealed record Caller(
    string UserId,
    string RealName,
    AdminLevel Level,
    int OrgUnitId,
    string OrgUnitName,
    string OrgPath,
    OrgUnitKind OrgKind,
    Capability Capabilities)
{
    public AccountPosition Position => new(Level, OrgPath, OrgKind);
    public bool IsAdmin => Level > AdminLevel.Teacher;
    public bool Covers(string orgPath) => OrgUnit.PathContains(OrgPath, orgPath);
    public bool Has(Capability capability) => (Capabilities & capability) == capability;
}
