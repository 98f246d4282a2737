namespace EduPortal.Web.Infrastructure.Auth;

/// <summary>
/// An account signed in with a temporary password (an admin's reset, a roster import) sees only the
/// change-password page until it has chosen its own: every other page request is sent there. Static
/// files, the Blazor framework, sign-out and the health check pass; so do API calls, which use keys, not accounts.
/// </summary>
public static class TemporaryPasswordGate
{
    public const string ChangePasswordPath = "/Account/ChangePassword";

    private static readonly string[] OpenPrefixes = ["/Account/ChangePassword", "/Account/Logout", "/Account/Login", "/_framework", "/_content", "/_blazor", "/health", "/api/", "/css", "/favicon", "/not-found", "/Error"];

    public static IApplicationBuilder UseTemporaryPasswordGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.MustChangePasswordNow() && MustRedirect(context.Request))
        {
            context.Response.Redirect(ChangePasswordPath + "?required=1");
            return;
        }
        await next(context);
    });

    private static bool MustRedirect(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        if (OpenPrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        // Static assets (fingerprinted css/js/images) have an extension; pages do not.
        return !Path.HasExtension(path);
    }
}
