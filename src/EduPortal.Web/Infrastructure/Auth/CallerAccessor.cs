using System.Security.Claims;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Infrastructure.Auth;

/// <summary>
/// Resolves the signed-in account afresh from the database for each operation, so a demotion or a
/// disabled account takes effect on the very next click, not at the next cookie refresh.
/// </summary>
public sealed class CallerAccessor(AuthenticationStateProvider authenticationState, IDbContextFactory<EduPortalDbContext> dbFactory)
{
    /// <summary>The caller, or null when signed out or no longer allowed in.</summary>
    public async Task<Caller?> GetAsync(CancellationToken cancellationToken = default)
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        return await LoadAsync(dbFactory, state.User, cancellationToken);
    }

    public static async Task<Caller?> LoadAsync(IDbContextFactory<EduPortalDbContext> dbFactory, ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, userId, cancellationToken);
    }

    public static async Task<Caller?> LoadAsync(EduPortalDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var row = await db.Users.AsNoTracking()
            .ActiveServing().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.RealName, u.Level, u.OrgUnitId, OrgName = u.OrgUnit!.Name, u.OrgUnit.Path, u.OrgUnit.Kind, u.Capabilities })
            .SingleOrDefaultAsync(cancellationToken);
        // A locked account keeps its open sessions: lockout stops new password guesses, and ending the victim's
        // session would hand anyone who types five wrong passwords a way to cut a teacher off (see docs/security.md).
        if (row is null)
        {
            return null;
        }
        return new Caller(row.Id, row.RealName, row.Level, row.OrgUnitId, row.OrgName, row.Path, row.Kind, row.Capabilities);
    }
}
