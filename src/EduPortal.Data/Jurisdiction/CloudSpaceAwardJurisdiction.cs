using EduPortal.Domain.Accounts;
using EduPortal.Domain.CloudSpaces;

namespace EduPortal.Data.Jurisdiction;

/// <summary>Jurisdiction for the district award rounds of the cloud-spaces module, beside <see cref="OrganizationJurisdiction"/>.</summary>
public static class CloudSpaceAwardJurisdiction
{
    /// <summary>Rounds the caller reaches: their own county's (from inside it) or the counties under them (city).</summary>
    public static IQueryable<AwardRound> WithinJurisdiction(this IQueryable<AwardRound> rounds, Caller caller) =>
        rounds.OpenedAboveOrWithin(caller, r => r.CountyPath);

    /// <summary>Entries of the caller's own subtree (a school admin's own school, a county's schools).</summary>
    public static IQueryable<AwardEntry> OfOwnSchools(this IQueryable<AwardEntry> entries, Caller caller) =>
        entries.Where(e => e.SchoolPath.StartsWith(caller.OrgPath));

    /// <summary>The assignments of the calling expert only: no expert reads another's.</summary>
    public static IQueryable<AwardAssignment> OfExpert(this IQueryable<AwardAssignment> assignments, Caller caller) =>
        assignments.Where(a => a.ExpertId == caller.UserId);

    /// <summary>The calling expert's own score sheets: before publication no expert sees another's scores.</summary>
    public static IQueryable<AwardScore> OfExpert(this IQueryable<AwardScore> scores, Caller caller) =>
        scores.Where(s => s.ExpertId == caller.UserId);
}
