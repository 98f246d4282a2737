using EduPortal.Data.Accounts;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Excel;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace EduPortal.Web.Features.Accounts;

/// <summary>Wires the accounts module: sign-in, registration, account administration, roster import and profiles.</summary>
public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SignInService>();
        services.AddScoped<AccountAdminService>();
        services.Configure<RegistrationOptions>(configuration.GetSection("Registration"));
        services.AddSingleton<RegistrationThrottle>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<RosterImportService>();
        services.AddScoped<ContactAdminService>();
        services.AddScoped<ProfileService>();
        return services;
    }

    /// <summary>Sign-out, and the roster import template.</summary>
    public static void MapAccountsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Sign-out ends the session on the server, not only in this browser: a new security stamp makes every
        // cookie issued before it invalid at its next request (SessionStampCheck), so a copied cookie stops
        // working too. The form carries its antiforgery token, and the endpoint requires it (a cross-site form
        // could otherwise sign anyone out).
        endpoints.MapPost("/Account/Logout", async (HttpContext context, [FromServices] SignInManager<ApplicationUser> signInManager) =>
        {
            // The middleware validates the token (RequireAntiforgeryToken below) but only form binding acts on the
            // outcome; this endpoint binds no form, so it checks the outcome itself.
            if (context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                // A body of its own: the status-code pages would re-execute the POST as a page and fail on the form.
                return Results.Content("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>请求无效</title>"
                    + "<p>退出请求已过期或无效，请返回页面后重新点击“退出”。</p><p><a href=\"/\">返回首页</a></p></html>",
                    "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
            if (await signInManager.UserManager.GetUserAsync(context.User) is { } user)
            {
                await signInManager.UserManager.UpdateSecurityStampAsync(user);
            }
            await signInManager.SignOutAsync();
            return Results.LocalRedirect("~/Account/Login");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());

        endpoints.MapGet("/accounts/roster-template.xlsx", () =>
            Results.File(RosterImportService.BuildTemplate(), ExcelExport.ContentType, "教师名单导入模板.xlsx"))
            .RequireAuthorization(Policies.Admin);
    }

    /// <summary>Applications that waited longer than Registration:PendingDays expire (rejected with a reason), daily.</summary>
    public static void ScheduleAccountsJobs(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<RegistrationService>(RegistrationService.ExpiryJobId,
            service => service.ExpireStaleAsync(CancellationToken.None),
            app.Services.GetRequiredService<IOptions<RegistrationOptions>>().Value.ExpiryJobCron,
            new RecurringJobOptions { TimeZone = Domain.Common.ChinaTime.Zone });
    }
}
