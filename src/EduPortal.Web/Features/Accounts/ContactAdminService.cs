using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Accounts;

public sealed record AdminContact(string RealName, string Phone, AdminLevel Level, string OrgUnitName);

/// <summary>
/// "Contact my admin" (circular 000 §四.1): the school admin's phone; with no school admin, the nearest
/// admin further up (township centre, county), else the city admin.
/// </summary>
public sealed class ContactAdminService(IDbContextFactory<EduPortalDbContext> dbFactory)
{
    public async Task<AdminContact?> FindForAsync(int orgUnitId, string? excludeUserId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var path = await db.OrgUnits.Where(o => o.Id == orgUnitId).Select(o => o.Path).SingleOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            return null;
        }
        var chain = OrgUnit.AncestorPaths(path);
        var admins = await db.Users.AsNoTracking().ActiveServing()
            .Where(u => u.Level > AdminLevel.Teacher
                && u.PhoneNumber != null && u.Id != excludeUserId && chain.Contains(u.OrgUnit!.Path))
            .Select(u => new { u.RealName, u.PhoneNumber, u.Level, OrgName = u.OrgUnit!.Name, u.OrgUnit.Path, u.RegisteredAt })
            .ToListAsync(cancellationToken);
        // Nearest unit first (longest path); among several admins of one unit, the longest-serving one.
        var nearest = admins.OrderByDescending(a => a.Path.Length).ThenBy(a => a.RegisteredAt).FirstOrDefault();
        return nearest is null ? null : new AdminContact(nearest.RealName, nearest.PhoneNumber!, nearest.Level, nearest.OrgName);
    }
}
