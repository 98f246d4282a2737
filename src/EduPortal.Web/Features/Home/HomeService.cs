using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Home;

public sealed record ChildUnitSummary(int Id, string Name, OrgUnitKind Kind, int Schools, int Classes, int Teachers, int Pending);

public sealed record HomeSummary(
    int Counties, int Townships, int Schools, int Classes, int Students,
    int Teachers, int Admins, int PendingApprovals, int InactiveTeachers,
    IReadOnlyList<ChildUnitSummary> Children);

/// <summary>The figures on each role's home page, all inside the caller's jurisdiction.</summary>
public sealed class HomeService(IDbContextFactory<EduPortalDbContext> dbFactory)
{
    public async Task<HomeSummary> GetAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller)
            .Select(o => new { o.Id, o.Name, o.Kind, o.Path, o.ParentId, o.StudentCount, Classes = o.Classes.Count })
            .ToListAsync(cancellationToken);
        var people = await db.Users.AsNoTracking().WithinJurisdiction(caller)
            .GroupBy(u => new { u.OrgUnitId, u.Level, u.Status, u.Employment })
            .Select(g => new { g.Key.OrgUnitId, g.Key.Level, g.Key.Status, g.Key.Employment, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var pathById = units.ToDictionary(u => u.Id, u => u.Path);
        static bool Active(AccountStatus s, EmploymentStatus e) => ApplicationUser.IsActiveServing(s, e);

        var children = units.Where(u => u.ParentId == caller.OrgUnitId).OrderBy(u => u.Kind).ThenBy(u => u.Path.Length).ThenBy(u => u.Path, StringComparer.Ordinal)
            .Select(child =>
            {
                bool Under(int orgId) => pathById.TryGetValue(orgId, out var p) && p.StartsWith(child.Path, StringComparison.Ordinal);
                return new ChildUnitSummary(child.Id, child.Name, child.Kind,
                    units.Count(u => u.Kind == OrgUnitKind.School && u.Path.StartsWith(child.Path, StringComparison.Ordinal)),
                    units.Where(u => u.Path.StartsWith(child.Path, StringComparison.Ordinal)).Sum(u => u.Classes),
                    people.Where(p => Under(p.OrgUnitId) && p.Level == AdminLevel.Teacher && Active(p.Status, p.Employment)).Sum(p => p.Count),
                    people.Where(p => Under(p.OrgUnitId) && p.Status == AccountStatus.Pending).Sum(p => p.Count));
            }).ToList();

        return new HomeSummary(
            units.Count(u => u.Kind == OrgUnitKind.County),
            units.Count(u => u.Kind == OrgUnitKind.Township),
            units.Count(u => u.Kind == OrgUnitKind.School),
            units.Sum(u => u.Classes),
            units.Sum(u => u.StudentCount),
            people.Where(p => p.Level == AdminLevel.Teacher && Active(p.Status, p.Employment)).Sum(p => p.Count),
            people.Where(p => p.Level > AdminLevel.Teacher && Active(p.Status, p.Employment)).Sum(p => p.Count),
            people.Where(p => p.Status == AccountStatus.Pending).Sum(p => p.Count),
            people.Where(p => p.Level == AdminLevel.Teacher && p.Status == AccountStatus.Active && p.Employment != EmploymentStatus.Serving).Sum(p => p.Count),
            children);
    }
}
