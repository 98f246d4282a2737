using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace EduPortal.Web.Infrastructure.Http;

/// <summary>
/// Response headers every answer carries: <c>X-Content-Type-Options: nosniff</c>, a Referrer-Policy and a
/// Content-Security-Policy that Blazor Server and MudBlazor work under.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "EduPortal.CspNonce";

    /// <summary>
    /// The portal's policy. Scripts only from the portal itself, plus the one inline script Blazor writes (the
    /// import map) by its per-request nonce; no eval. Styles allow inline: MudBlazor writes style attributes and
    /// MudThemeProvider a &lt;style&gt; element with the theme's variables. connect-src 'self' covers the
    /// circuit's WebSocket (same host). No framing by other sites.
    /// </summary>
    public static string PortalPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "media-src 'self' blob:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'self'";

    /// <summary>
    /// The Hangfire dashboard writes inline scripts (its configuration, the Chinese moment.js locale) and
    /// inline styles it cannot be told a nonce for: it alone gets 'unsafe-inline' for scripts. It is reached
    /// only by city admins and still refuses eval, other origins and framing.
    /// </summary>
    public const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public const string DashboardPath = "/hangfire";

    /// <summary>The nonce of this request's policy, for the inline script Blazor renders (&lt;ImportMap nonce=...&gt;).</summary>
    public static string? CspNonce(this HttpContext context) => context.Items[NonceItem] as string;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Hex, not base64: a "+" in the attribute would be HTML-encoded (&#x2B;), which browsers decode but which makes the page harder to check.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        var dashboard = context.Request.Path.StartsWithSegments(DashboardPath);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers[HeaderNames.XFrameOptions] = "SAMEORIGIN";
            headers[HeaderNames.ContentSecurityPolicy] = dashboard ? DashboardPolicy : PortalPolicy(nonce);
            return Task.CompletedTask;
        });
        await next(context);
    });
}
