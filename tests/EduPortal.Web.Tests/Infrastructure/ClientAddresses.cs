using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace EduPortal.Web.Tests.Infrastructure;

/// <summary>
/// The test server has no network peer: this gives each test browser (HttpClient) a client address of its own,
/// carried in a test-only header, as if each user sat at their own device. Runs before the portal's middleware.
/// </summary>
public sealed class ClientAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            await nextMiddleware(context);
        });
        next(app);
    };

    private static int _next;

    /// <summary>A fresh address in 10.x.x.x for a new test browser.</summary>
    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _next);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }
}
