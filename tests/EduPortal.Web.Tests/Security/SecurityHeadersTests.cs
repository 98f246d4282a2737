using System.Net;
using System.Text.RegularExpressions;
using EduPortal.Web.Tests.Infrastructure;

namespace EduPortal.Web.Tests.Security;

/// <summary>nosniff, Referrer-Policy and a Content-Security-Policy on every page (issue 10).</summary>
[Collection(PortalCollection.Name)]
public sealed partial class SecurityHeadersTests(PortalFactory portal)
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    public async Task Pages_carry_nosniff_a_referrer_policy_and_a_content_security_policy(string path)
    {
        var response = await portal.Browser().GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+';", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
    }

    [Fact]
    public async Task The_only_inline_script_of_a_page_carries_the_nonce_of_its_policy()
    {
        var response = await portal.Browser().GetAsync("/Account/Login");
        var html = await response.Content.ReadAsStringAsync();
        var nonce = NoncePattern().Match(Header(response, "Content-Security-Policy")).Groups[1].Value;

        var inline = InlineScriptPattern().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(inline);
        Assert.All(inline, tag => Assert.Contains($"nonce=\"{nonce}\"", tag));
        var second = await portal.Browser().GetAsync("/Account/Login");
        Assert.NotEqual(nonce, NoncePattern().Match(Header(second, "Content-Security-Policy")).Groups[1].Value);
    }

    [Fact]
    public async Task The_jobs_dashboard_has_its_own_policy_that_still_refuses_eval_and_framing()
    {
        var response = await portal.Browser().GetAsync("/hangfire");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();

    /// <summary>Script elements without a src attribute (inline code or an import map).</summary>
    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScriptPattern();
}
