using EduPortal.Domain.Accounts;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;

namespace EduPortal.Data.Jurisdiction;

/// <summary>Jurisdiction for the lab-records module, beside <see cref="OrganizationJurisdiction"/>.</summary>
public static class LabRecordJurisdiction
{
    /// <summary>
    /// Lab records of schools in the caller's subtree (admin views: review queue, statistics). For a school or a
    /// county caller the subtree is exactly "this school" or "this county" (a record keeps its school's county), so
    /// the filter uses those indexed ids instead of a path prefix that an index cannot serve.
    /// </summary>
    public static IQueryable<LabRecord> WithinJurisdiction(this IQueryable<LabRecord> records, Caller caller) => caller.OrgKind switch
    {
        OrgUnitKind.School => records.Where(r => r.SchoolId == caller.OrgUnitId),
        OrgUnitKind.County => records.Where(r => r.CountyId == caller.OrgUnitId),
        // A deployment serves one city, the root of the tree (nothing can be created above or beside it): its subtree
        // is every record, and a path prefix would only cost a full scan.
        OrgUnitKind.City => records,
        _ => records.Where(r => r.SchoolPath.StartsWith(caller.OrgPath)),
    };

    /// <summary>
    /// The lab records a caller may open (circular 000 §三): shown records are public to every signed-in user;
    /// drafts and returned records only to their teacher; reported (and returned) ones also to the admins over the school.
    /// </summary>
    public static IQueryable<LabRecord> VisibleTo(this IQueryable<LabRecord> records, Caller caller) => caller.IsAdmin
        ? records.Where(r => r.Shown || r.TeacherId == caller.UserId
            || ((r.State == LabRecordState.Reported || r.State == LabRecordState.Returned) && r.SchoolPath.StartsWith(caller.OrgPath)))
        : records.Where(r => r.Shown || r.TeacherId == caller.UserId);

    /// <summary>Catalogue entries that apply to a school path: the city's and its county's.</summary>
    public static IQueryable<LabExperiment> ApplyingTo(this IQueryable<LabExperiment> experiments, string schoolPath) =>
        experiments.Where(e => schoolPath.StartsWith(e.OwnerPath));

    /// <summary>
    /// The statistics' roll-ups of the caller's subtree, scoped like the records by the indexed county or school id.
    /// Day tallies are per county: a school caller reads its own records instead (none of its day tallies is its own).
    /// </summary>
    public static IQueryable<LabDayTally> WithinJurisdiction(this IQueryable<LabDayTally> tallies, Caller caller) => caller.OrgKind switch
    {
        OrgUnitKind.County => tallies.Where(t => t.CountyId == caller.OrgUnitId),
        OrgUnitKind.City => tallies,
        _ => tallies.Where(t => false),
    };

    public static IQueryable<LabTeacherTermTally> WithinJurisdiction(this IQueryable<LabTeacherTermTally> tallies, Caller caller) => caller.OrgKind switch
    {
        OrgUnitKind.School => tallies.Where(t => t.SchoolId == caller.OrgUnitId),
        OrgUnitKind.County => tallies.Where(t => t.CountyId == caller.OrgUnitId),
        OrgUnitKind.City => tallies,
        _ => tallies.Where(t => false),
    };

    public static IQueryable<LabExperimentTermTally> WithinJurisdiction(this IQueryable<LabExperimentTermTally> tallies, Caller caller) => caller.OrgKind switch
    {
        OrgUnitKind.School => tallies.Where(t => t.SchoolId == caller.OrgUnitId),
        OrgUnitKind.County => tallies.Where(t => t.CountyId == caller.OrgUnitId),
        OrgUnitKind.City => tallies,
        _ => tallies.Where(t => false),
    };

    public static IQueryable<LabInactivityFlag> WithinJurisdiction(this IQueryable<LabInactivityFlag> flags, Caller caller) =>
        flags.Where(f => f.SchoolPath.StartsWith(caller.OrgPath));

    /// <summary>
    /// Catalogue entries a caller may see and address by id: those that apply to its unit (maintained by it or above
    /// it) and those maintained inside its subtree (a county's own entries, seen by the city).
    /// </summary>
    public static IQueryable<LabExperiment> WithinJurisdiction(this IQueryable<LabExperiment> experiments, Caller caller) =>
        experiments.OpenedAboveOrWithin(caller, e => e.OwnerPath);
}
