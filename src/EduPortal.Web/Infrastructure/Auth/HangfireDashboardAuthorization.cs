using EduPortal.Data;
using EduPortal.Domain.Accounts;
using Hangfire.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Infrastructure.Auth;

/// <summary>
/// The Hangfire dashboard is for city admins only, checked as the portal checks every action: the account is
/// read again (active, serving, still city level), not trusted from the cookie's claims, so a disabled,
/// retired or demoted city admin is refused at once.
/// </summary>
public sealed class HangfireDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        var dbFactory = http.RequestServices.GetRequiredService<IDbContextFactory<EduPortalDbContext>>();
        var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, http.RequestAborted);
        return caller is { Level: AdminLevel.City };
    }
}
