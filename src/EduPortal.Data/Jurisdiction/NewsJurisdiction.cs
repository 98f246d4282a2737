using EduPortal.Domain.Accounts;
using EduPortal.Domain.News;
using EduPortal.Domain.Organization;

namespace EduPortal.Data.Jurisdiction;

/// <summary>Jurisdiction for school news, the same rules as <see cref="NewsItem.CanView"/>.</summary>
public static class NewsJurisdiction
{
    /// <summary>
    /// The news items the caller may open: its own; its school's published ones; every item of an admin's subtree; and
    /// the items its county has featured (the county's news page).
    /// </summary>
    public static IQueryable<NewsItem> VisibleTo(this IQueryable<NewsItem> items, Caller caller)
    {
        var countyPath = CountyPathOf(caller);
        if (caller.IsAdmin)
        {
            var path = caller.OrgPath;
            return items.Where(n => n.SchoolPath.StartsWith(path) || n.AuthorId == caller.UserId
                || (countyPath != null && n.Recommendation == NewsRecommendation.Featured && n.SchoolPath.StartsWith(countyPath)));
        }
        return items.Where(n => n.AuthorId == caller.UserId || (n.SchoolId == caller.OrgUnitId && n.Status == NewsStatus.Published)
            || (countyPath != null && n.Recommendation == NewsRecommendation.Featured && n.SchoolPath.StartsWith(countyPath)));
    }

    /// <summary>The items of the caller's subtree an admin works on (review, recommendations, counts); nothing for a teacher.</summary>
    public static IQueryable<NewsItem> WithinAdminScope(this IQueryable<NewsItem> items, Caller caller) =>
        caller.IsAdmin ? items.WithinSchoolScope(caller) : items.Where(_ => false);

    /// <summary>The path of the caller's county (null for the city's own users, who belong to no county).</summary>
    public static string? CountyPathOf(Caller caller)
    {
        var ancestors = OrgUnit.AncestorPaths(caller.OrgPath);
        return ancestors.Count >= 2 ? ancestors[1] : null;
    }
}
