using EduPortal.Domain.Accounts;
using Hangfire.Dashboard;

namespace EduPortal.Web.Infrastructure.Auth;

/// <summary>The Hangfire dashboard is for city admins only.</summary>
public sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.GetLevel() == AdminLevel.City;
    }
}
