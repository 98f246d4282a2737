using EduPortal.Data.Accounts;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace EduPortal.Web.Infrastructure;

/// <summary>The few plain HTTP endpoints beside the Blazor pages.</summary>
public static class Endpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
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
    }

    /// <summary>
    /// Categories any signed-in user may fetch. A module storing files that belong to a school (lab
    /// photos, attachments) serves them through its own endpoint that checks the owning record against
    /// the caller's jurisdiction; here they are simply not found.
    /// </summary>
    private static readonly HashSet<string> OpenCategories = ["avatars"];

    /// <summary>Stored files for signed-in users. Keys are server-generated; anything else is a 404.</summary>
    public static void MapFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/files/{**key}", async (string key, HttpContext http, IFileStore store, CancellationToken cancellationToken) =>
        {
            if (!FileKeys.IsValid(key) || !OpenCategories.Contains(key[..key.IndexOf('/')]))
            {
                return Results.NotFound();
            }
            var stream = await store.OpenReadAsync(key, cancellationToken);
            if (stream is null)
            {
                return Results.NotFound();
            }
            var contentType = FileSignatures.FromExtension(Path.GetExtension(key).TrimStart('.')).ContentType();
            return StoredFileResults.Serve(http, stream, contentType, Path.GetFileNameWithoutExtension(key));
        }).RequireAuthorization();
    }

    public static void MapRosterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/accounts/roster-template.xlsx", () =>
            Results.File(RosterImportService.BuildTemplate(), ExcelExport.ContentType, "教师名单导入模板.xlsx"))
            .RequireAuthorization(Policies.Admin);
    }
}
