using EduPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace EduPortal.Web.Infrastructure.Auth;

/// <summary>Page access policies. Jurisdiction is applied separately, in every query.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string CountyAdmin = "CountyAdmin";
    public const string CityAdmin = "CityAdmin";

    public static void AddEduPortalPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.GetLevel() >= AdminLevel.School));
        options.AddPolicy(CountyAdmin, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.GetLevel() >= AdminLevel.County));
        options.AddPolicy(CityAdmin, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.GetLevel() >= AdminLevel.City));
    }
}
