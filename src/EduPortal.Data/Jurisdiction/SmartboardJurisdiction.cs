using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;

namespace EduPortal.Data.Jurisdiction;

/// <summary>
/// Jurisdiction for the 班班通 register, next to <see cref="JurisdictionQueries"/>: a school sees its own rooms and
/// devices, a township, county or city its subtree. Rows that keep their school's and county's ids (and the township's)
/// are filtered through <see cref="SchoolScopedJurisdiction"/> on those indexed ids.
/// </summary>
public static class SmartboardJurisdiction
{
    public static IQueryable<Classroom> WithinJurisdiction(this IQueryable<Classroom> classrooms, Caller caller) => classrooms.WithinSchoolScope(caller);

    public static IQueryable<Device> WithinJurisdiction(this IQueryable<Device> devices, Caller caller) => devices.WithinSchoolScope(caller);

    /// <summary>History entries of devices the caller may see (a transferred device's whole history goes with it).</summary>
    public static IQueryable<DeviceEvent> WithinJurisdiction(this IQueryable<DeviceEvent> events, IQueryable<Device> devices, Caller caller)
    {
        var visible = devices.WithinJurisdiction(caller).Select(d => d.Id);
        return events.Where(e => visible.Contains(e.DeviceId));
    }

    /// <summary>The rooms a head teacher (班主任) or room keeper answers for (circular 003 §二.2).</summary>
    public static IQueryable<Classroom> ResponsibleBy(this IQueryable<Classroom> classrooms, Caller caller) =>
        classrooms.Where(c => c.ResponsibleUserId == caller.UserId && c.SchoolId == caller.OrgUnitId);

    /// <summary>
    /// Repair tickets of devices in the caller's subtree. Tickets keep their school's, township centre's and county's
    /// ids, so each level filters on an indexed id instead of a path prefix.
    /// </summary>
    public static IQueryable<RepairTicket> WithinJurisdiction(this IQueryable<RepairTicket> tickets, Caller caller) => tickets.WithinTownshipScope(caller);

    /// <summary>
    /// The tickets a caller may open (<see cref="RepairTicket.IsVisibleTo"/>): admins and technicians see their
    /// subtree's (which holds the tickets they reported, reporters being of the school); everyone else sees the tickets
    /// they reported and those of the classrooms they are head teacher of.
    /// </summary>
    public static IQueryable<RepairTicket> VisibleTo(this IQueryable<RepairTicket> tickets, Caller caller) =>
        caller.IsAdmin || caller.Has(Capability.Technician)
            ? tickets.WithinJurisdiction(caller)
            : tickets.Where(t => t.ReporterId == caller.UserId || t.HeadTeacherId == caller.UserId);

    public static IQueryable<SafetyInspection> WithinJurisdiction(this IQueryable<SafetyInspection> inspections, Caller caller) =>
        inspections.Where(i => i.SchoolPath.StartsWith(caller.OrgPath));

    public static IQueryable<SafetyFinding> WithinJurisdiction(this IQueryable<SafetyFinding> findings, Caller caller) =>
        findings.Where(f => f.SchoolPath.StartsWith(caller.OrgPath));

    public static IQueryable<SchoolPolicy> WithinJurisdiction(this IQueryable<SchoolPolicy> policies, Caller caller) =>
        policies.Where(p => p.SchoolPath.StartsWith(caller.OrgPath));

    public static IQueryable<SchoolNetworkProfile> WithinJurisdiction(this IQueryable<SchoolNetworkProfile> profiles, Caller caller) => profiles.WithinSchoolScope(caller);

    public static IQueryable<TechnicianPost> WithinJurisdiction(this IQueryable<TechnicianPost> posts, Caller caller) =>
        posts.Where(p => p.OrgPath.StartsWith(caller.OrgPath));

    /// <summary>
    /// Transfers a caller may see: those from or to its subtree, and the open offers of its county (the county's other
    /// schools may ask for them, circular 004 闲置设备的调配). <paramref name="callerCountyId"/> is the county over the caller.
    /// </summary>
    public static IQueryable<DeviceTransfer> VisibleTo(this IQueryable<DeviceTransfer> transfers, Caller caller, int? callerCountyId) =>
        transfers.Where(t => t.FromSchoolPath.StartsWith(caller.OrgPath)
            || (t.ToSchoolPath != null && t.ToSchoolPath.StartsWith(caller.OrgPath))
            || ((t.State == DeviceTransferState.Offered || t.State == DeviceTransferState.Requested) && t.CountyId == callerCountyId));

    /// <summary>
    /// Training records a caller may see: those its subtree recorded, and those with an attendee of its subtree (a
    /// school sees the county-run trainings its teachers attended).
    /// </summary>
    public static IQueryable<TrainingRecord> WithinJurisdiction(this IQueryable<TrainingRecord> trainings, Caller caller) =>
        caller.OrgKind == OrgUnitKind.City
            ? trainings
            : trainings.Where(t => t.OwnerPath.StartsWith(caller.OrgPath) || t.Attendances.Any(a => a.SchoolPath.StartsWith(caller.OrgPath)));

    /// <summary>Attendances of accounts of the caller's subtree (the hours a school, county or city answers for).</summary>
    public static IQueryable<TrainingAttendance> WithinJurisdiction(this IQueryable<TrainingAttendance> attendances, Caller caller) => caller.OrgKind switch
    {
        OrgUnitKind.School => attendances.Where(a => a.SchoolId == caller.OrgUnitId),
        OrgUnitKind.City => attendances,
        _ => attendances.Where(a => a.SchoolPath.StartsWith(caller.OrgPath)),
    };

    public static IQueryable<ArchiveDocument> WithinJurisdiction(this IQueryable<ArchiveDocument> documents, Caller caller) => caller.OrgKind switch
    {
        OrgUnitKind.School => documents.Where(d => d.SchoolId == caller.OrgUnitId),
        _ => documents.Where(d => d.SchoolPath.StartsWith(caller.OrgPath)),
    };

    /// <summary>Use records (lessons taught with the equipment) of the caller's subtree, on indexed ids for schools and counties.</summary>
    public static IQueryable<SmartboardLesson> WithinJurisdiction(this IQueryable<SmartboardLesson> lessons, Caller caller) => lessons.WithinSchoolScope(caller);

    public static IQueryable<RepairFigureSnapshot> WithinJurisdiction(this IQueryable<RepairFigureSnapshot> snapshots, Caller caller) => snapshots.WithinTownshipScope(caller);

    public static IQueryable<DemoLesson> WithinJurisdiction(this IQueryable<DemoLesson> lessons, Caller caller) => lessons.WithinSchoolScope(caller);

    /// <summary>
    /// County competitions the caller sees: the county's own (and the city's all), and for a school or township the
    /// competitions of the county it belongs to.
    /// </summary>
    public static IQueryable<LessonCompetition> WithinJurisdiction(this IQueryable<LessonCompetition> competitions, Caller caller)
    {
        if (caller.OrgKind == OrgUnitKind.City)
        {
            return competitions;
        }
        if (caller.OrgKind == OrgUnitKind.County)
        {
            return competitions.Where(c => c.CountyId == caller.OrgUnitId);
        }
        var ancestors = OrgUnit.AncestorPaths(caller.OrgPath);
        var countyPath = ancestors.Count > 1 ? ancestors[1] : caller.OrgPath;
        return competitions.Where(c => c.CountyPath == countyPath);
    }
}
