using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;

namespace EduPortal.Data.Jurisdiction;

/// <summary>Jurisdiction for the plans module, next to <see cref="JurisdictionQueries"/>; the same rules as <see cref="Plan.CanView"/>.</summary>
public static class PlanJurisdiction
{
    /// <summary>
    /// Plans the caller may open: plans of its own unit or of a unit above it (everyone under a plan works to it), and
    /// for admins also the plans of units below them (the city follows each county's plan).
    /// </summary>
    public static IQueryable<Plan> WithinJurisdiction(this IQueryable<Plan> plans, Caller caller)
    {
        var ancestors = OrgUnit.AncestorPaths(caller.OrgPath).ToList();
        return caller.IsAdmin
            ? plans.Where(p => ancestors.Contains(p.OwnerPath) || p.OwnerPath.StartsWith(caller.OrgPath))
            : plans.Where(p => ancestors.Contains(p.OwnerPath));
    }

    /// <summary>Tasks the caller may open (<see cref="PlanTask.CanView"/>).</summary>
    public static IQueryable<PlanTask> WithinJurisdiction(this IQueryable<PlanTask> tasks, Caller caller)
    {
        var ancestors = OrgUnit.AncestorPaths(caller.OrgPath).ToList();
        return caller.IsAdmin
            ? tasks.Where(t => ancestors.Contains(t.PlanOwnerPath) || t.PlanOwnerPath.StartsWith(caller.OrgPath) || t.ResponsibleUnitPath.StartsWith(caller.OrgPath))
            : tasks.Where(t => ancestors.Contains(t.PlanOwnerPath));
    }

    /// <summary>Targets the caller may open (<see cref="PlanTarget.CanView"/>): inside the scope, or an admin over the scope or the plan's owner.</summary>
    public static IQueryable<PlanTarget> WithinJurisdiction(this IQueryable<PlanTarget> targets, Caller caller)
    {
        var ancestors = OrgUnit.AncestorPaths(caller.OrgPath).ToList();
        return caller.IsAdmin
            ? targets.Where(t => ancestors.Contains(t.ScopePath) || t.PlanOwnerPath.StartsWith(caller.OrgPath) || t.ScopePath.StartsWith(caller.OrgPath))
            : targets.Where(t => ancestors.Contains(t.ScopePath));
    }

    /// <summary>
    /// Tasks of units inside <paramref name="jurisdictionPath"/> that were overdue on the China date <paramref name="asOf"/>:
    /// due before it and not completed by its end (<paramref name="endOfDay"/>, UTC).
    /// A broken-down parent is left out: its schools' tasks are the ones flagged.
    /// </summary>
    public static IQueryable<PlanTask> OverdueWithin(this IQueryable<PlanTask> tasks, string jurisdictionPath, DateOnly asOf, DateTimeOffset endOfDay) =>
        tasks.Where(t => t.ResponsibleUnitPath.StartsWith(jurisdictionPath) && !t.IsBrokenDown && t.DueDate < asOf
            && (t.Progress != PlanTaskStatus.Completed || t.CompletedAt >= endOfDay));

    /// <summary>
    /// County feedback the caller may open (<see cref="CountyFeedback.CanView"/>): a county's admins their own, the city's
    /// admins every county's; schools, townships and teachers none.
    /// </summary>
    public static IQueryable<CountyFeedback> WithinJurisdiction(this IQueryable<CountyFeedback> feedback, Caller caller) =>
        caller.IsAdmin && caller.OrgKind is OrgUnitKind.City or OrgUnitKind.County
            ? feedback.Where(f => f.CountyPath.StartsWith(caller.OrgPath))
            : feedback.Where(f => false);
}
