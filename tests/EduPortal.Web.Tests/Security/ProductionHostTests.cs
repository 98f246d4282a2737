using System.Net;
using EduPortal.Data.Seeding;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.Security;

/// <summary>
/// The portal in the Production environment with the shipped appsettings.json (which turns the demo seed on for
/// laptops): no demo accounts, no demo hint, no stack traces. Only HTML is checked: static assets in Production
/// need publish output (PLATFORM.md).
/// </summary>
public sealed class ProductionPortalFactory : PortalFactory
{
    public const string FailingPath = "/test-only/fail";
    public const string FailureDetail = "secret-internal-detail-42";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FailingRouteStartupFilter>());
    }

    /// <summary>A request no endpoint answers falls through to this, which throws: an unhandled error.</summary>
    private sealed class FailingRouteStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path == FailingPath)
                {
                    throw new InvalidOperationException(FailureDetail);
                }
                await nextMiddleware(context);
            });
        };
    }
}

public sealed class ProductionHostTests(ProductionPortalFactory portal) : IClassFixture<ProductionPortalFactory>
{
    [Fact]
    public async Task Production_seeds_no_demo_accounts_even_when_the_demo_seed_is_configured()
    {
        _ = portal.Services;
        await using var db = await portal.DbAsync();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == DemoAccounts.CityAdmin || u.UserName == DemoAccounts.Teacher));
        Assert.False(PortalFactory.IsSignedIn(await PortalFactory.PostLoginAsync(portal.Browser(), DemoAccounts.CityAdmin, DemoAccounts.DemoPassword)));
    }

    [Fact]
    public async Task The_sign_in_page_shows_no_demo_accounts_or_password_in_production()
    {
        var response = await portal.Browser().GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PortalFactory.HtmlAsync(response);
        Assert.Contains("登录", html);
        Assert.DoesNotContain(DemoAccounts.DemoPassword, html);
        Assert.DoesNotContain("演示账号", html);
    }

    [Fact]
    public async Task An_error_in_production_shows_a_chinese_message_and_no_stack_trace()
    {
        var response = await portal.Browser().GetAsync(ProductionPortalFactory.FailingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await PortalFactory.HtmlAsync(response);
        Assert.Contains("处理您的请求时出错", html);
        Assert.DoesNotContain(ProductionPortalFactory.FailureDetail, html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain("Stack", html, StringComparison.OrdinalIgnoreCase);
    }
}
