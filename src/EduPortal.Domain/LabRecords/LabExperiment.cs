namespace EduPortal.Domain.LabRecords;

/// <summary>
/// One entry of the experiment catalogue (实验目录) for a subject and grade. The city's entries apply to
/// every school; a county may add its own, which apply to the schools under it.
/// </summary>
public sealed class LabExperiment
{
    public const int MaxNameLength = 100;

    private LabExperiment()
    {
    }

    public LabExperiment(int ownerOrgUnitId, string ownerPath, LabSubject subject, int grade, string code, string name, LabKind kind)
    {
        OwnerOrgUnitId = ownerOrgUnitId;
        OwnerPath = ownerPath;
        Subject = subject;
        Grade = grade;
        Code = code;
        Name = name;
        Kind = kind;
        Active = true;
    }

    public int Id { get; private set; }

    /// <summary>Only the unit that maintains an entry edits it (a county cannot change the city's entries).</summary>
    public bool CanBeEditedBy(Accounts.Caller caller) => LabCatalogueRules.CanMaintain(caller) && OwnerPath == caller.OrgPath;
    public int OwnerOrgUnitId { get; private set; }

    /// <summary>Org path of the unit that maintains the entry; it applies to every school under that path.</summary>
    public string OwnerPath { get; private set; } = "";
    public LabSubject Subject { get; private set; }
    public int Grade { get; private set; }

    /// <summary>Catalogue number, e.g. 物8-03.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public LabKind Kind { get; private set; }

    /// <summary>Retired entries stay for the records that cite them but are no longer offered or counted.</summary>
    public bool Active { get; private set; }

    public void Update(string code, string name, LabKind kind, bool active)
    {
        Code = code;
        Name = name;
        Kind = kind;
        Active = active;
    }

    /// <summary>Does this entry apply to a school at <paramref name="schoolPath"/>?</summary>
    public bool AppliesTo(string schoolPath) => schoolPath.StartsWith(OwnerPath, StringComparison.Ordinal);
}
