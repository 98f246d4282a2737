using EduPortal.Domain.Accounts;
using EduPortal.Domain.Circulars;

namespace EduPortal.Data.Jurisdiction;

/// <summary>Jurisdiction for the circulars module, next to the other modules' filters; the same rules as <see cref="Circular.CanView"/>.</summary>
public static class CircularsJurisdiction
{
    /// <summary>
    /// Circulars the caller may open: its own bureau's (drafts too, for the bureau's staff); sent ones of a bureau above it
    /// or addressed to a unit it is (or is above); for teachers, sent ones addressed to teachers of their school.
    /// </summary>
    public static IQueryable<Circular> WithinJurisdiction(this IQueryable<Circular> circulars, Caller caller)
    {
        if (caller.IsAdmin)
        {
            return circulars.Where(c => c.IssuerUnitId == caller.OrgUnitId
                || (c.Status != CircularStatus.Draft
                    && (c.IssuerPath.StartsWith(caller.OrgPath) || c.Recipients.Any(r => r.UnitPath.StartsWith(caller.OrgPath)))));
        }
        var editor = caller.Has(Capability.BureauEditor);
        return circulars.Where(c => (editor && c.IssuerUnitId == caller.OrgUnitId)
            || (c.Status != CircularStatus.Draft && c.ForTeachers && c.Recipients.Any(r => r.UnitId == caller.OrgUnitId)));
    }

    /// <summary>Sent circulars addressed to the caller's own unit (its admins acknowledge them), newest first.</summary>
    public static IQueryable<Circular> AddressedToUnit(this IQueryable<Circular> circulars, int unitId) =>
        circulars.Where(c => c.Status == CircularStatus.Published && c.Recipients.Any(r => r.UnitId == unitId));

    /// <summary>Published circulars the unit has not acknowledged yet (the home card of its admins).</summary>
    public static IQueryable<Circular> AwaitingAcknowledgement(this IQueryable<Circular> circulars, int unitId) =>
        circulars.Where(c => c.Status == CircularStatus.Published && c.Recipients.Any(r => r.UnitId == unitId && r.AcknowledgedAt == null));
}
