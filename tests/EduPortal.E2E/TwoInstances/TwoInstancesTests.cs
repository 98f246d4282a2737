using System.Net;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.TwoInstances;

/// <summary>
/// Two portal instances behind nginx on one PostgreSQL database (scripts/two-instances.sh): what a user must not
/// notice when the other instance answers, when both run Hangfire, and when one of them dies.
/// </summary>
public sealed partial class TwoInstancesTests(TwoInstancesCluster cluster) : IClassFixture<TwoInstancesCluster>
{
    private static readonly Regex RoundTitle = new("东溪区中小学实验教学情况调查（\\d{4}年[春秋]季）");

    [TwoInstancesFact]
    public async Task A_sign_in_on_one_instance_is_honoured_by_the_other_and_so_is_its_antiforgery_token()
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(cluster.BaseUrl) };
        void Pin(string route) => cookies.Add(new Uri(cluster.BaseUrl), new System.Net.Cookie(TwoInstancesCluster.RouteCookie, route, "/"));

        Pin(await cluster.RouteToAsync(0));
        var loginPage = await http.GetAsync("/Account/Login");
        Assert.Equal(0, cluster.InstanceOf(TwoInstancesCluster.UpstreamOf(loginPage)));
        var signIn = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Login"] = "teacher",
            ["Input.Password"] = PortalSteps.DemoPassword,
            ["__RequestVerificationToken"] = Antiforgery().Match(await loginPage.Content.ReadAsStringAsync()).Groups[1].Value,
            ["_handler"] = "login",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(0, cluster.InstanceOf(TwoInstancesCluster.UpstreamOf(signIn)));
        Assert.Contains(cookies.GetCookies(new Uri(cluster.BaseUrl)), c => c.Name == "EduPortal.Auth");

        // The next requests reach the other instance: the cookie signed with the shared key ring is read there.
        Pin(await cluster.RouteToAsync(1));
        var profile = await http.GetAsync("/me");
        Assert.Equal(1, cluster.InstanceOf(TwoInstancesCluster.UpstreamOf(profile)));
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.DoesNotContain("login-submit", await profile.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A form rendered by one instance is posted to the other: its antiforgery token is honoured too (400 otherwise).
        Pin(await cluster.RouteToAsync(0));
        var formPage = await http.GetAsync("/Account/Login");
        var token = Antiforgery().Match(await formPage.Content.ReadAsStringAsync()).Groups[1].Value;
        Pin(await cluster.RouteToAsync(1));
        var wrongPassword = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Login"] = "no_such_account_" + Guid.NewGuid().ToString("N")[..6],
            ["Input.Password"] = "wrong password 123",
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
        }));
        Assert.Equal(1, cluster.InstanceOf(TwoInstancesCluster.UpstreamOf(wrongPassword)));
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Contains("login-error", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [TwoInstancesFact]
    public async Task An_avatar_uploaded_through_one_instance_is_served_by_the_other()
    {
        var page = await cluster.NewPageOnAsync(0);
        await page.SignInAsync("teacher");
        await page.GoAsync("/me");
        await page.ChooseFileAsync(PortalSteps.TinyPngFile("two-instances"));
        await Expect(page.Locator(".mud-snackbar")).ToBeVisibleAsync();
        await page.ShotAsync("two-instances-00-avatar-uploaded");
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "头像已更新" })).ToBeVisibleAsync();
        var avatar = page.Locator("img[alt=头像]");
        await Expect(avatar).ToHaveAttributeAsync("src", new Regex("^/files/avatars/.+-thumb\\.jpg$"));
        var src = await avatar.GetAttributeAsync("src") ?? "";

        var fromFirst = await page.APIRequest.GetAsync(src);
        Assert.Equal(0, cluster.InstanceOf(fromFirst.Headers.GetValueOrDefault(TwoInstancesCluster.UpstreamHeader.ToLowerInvariant())));
        await cluster.PinAsync(page.Context, 1);
        var fromSecond = await page.APIRequest.GetAsync(src);
        Assert.Equal(1, cluster.InstanceOf(fromSecond.Headers.GetValueOrDefault(TwoInstancesCluster.UpstreamHeader.ToLowerInvariant())));
        Assert.Equal(200, fromSecond.Status);
        Assert.Equal(await fromFirst.BodyAsync(), await fromSecond.BodyAsync());
        await page.Context.CloseAsync();
    }

    [TwoInstancesFact]
    public async Task A_recurring_job_runs_once_per_occurrence_though_both_instances_run_a_hangfire_server()
    {
        var servers = await cluster.QueryAsync("select id from hangfire.server");
        Assert.Contains(servers, s => s.StartsWith("eduportal-1:", StringComparison.Ordinal));
        Assert.Contains(servers, s => s.StartsWith("eduportal-2:", StringComparison.Ordinal));

        // The points drain runs every minute: wait for two occurrences fired while both servers were up.
        const string Occurrences = """
            select count(*) from hangfire.job j join hangfire.jobparameter p on p.jobid = j.id
            where p.name = 'RecurringJobId' and p.value like '%points-recompute-dirty%'
              and exists (select 1 from hangfire.state s where s.jobid = j.id and s.name = 'Succeeded')
            """;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (int.Parse((await cluster.QueryAsync(Occurrences))[0], System.Globalization.CultureInfo.InvariantCulture) < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the minutely points drain did not run twice in 3 minutes");
            await Task.Delay(5000);
        }

        // No recurring job was created twice for one occurrence, and no job was processed twice.
        var twice = await cluster.QueryAsync("""
            select p.value, date_trunc('minute', j.createdat), count(*) from hangfire.job j
            join hangfire.jobparameter p on p.jobid = j.id and p.name = 'RecurringJobId'
            group by 1, 2 having count(*) > 1
            """);
        Assert.Empty(twice);
        var processedTwice = await cluster.QueryAsync("""
            select jobid, count(*) from hangfire.state where name = 'Processing'
            and jobid in (select jobid from hangfire.jobparameter where name = 'RecurringJobId')
            group by jobid having count(*) > 1
            """);
        Assert.Empty(processedTwice);
    }

    [TwoInstancesFact]
    public async Task Killing_one_instance_drops_only_its_circuits_and_its_users_keep_their_unsaved_survey_draft_on_the_other()
    {
        // A county admin works on the second instance, a school admin fills the survey on the first.
        var county = await cluster.NewPageOnAsync(1);
        await county.SignInAsync("county_admin");
        await county.EvaluateAsync("() => window.__sameDocument = 'yes'");

        var admin = await cluster.NewPageOnAsync(0);
        await admin.SignInAsync("school_admin");
        await admin.Locator("[data-testid=survey-notices] a").Filter(new() { HasTextRegex = RoundTitle }).ClickAsync();
        await admin.WaitForCircuitAsync();
        var surveyUrl = admin.Url;
        var labLead = admin.Locator("[data-testid='field-LabLeadName']");
        await Expect(labLead).ToBeEditableAsync();

        // Typed, and the instance dies before the autosave (800 ms after typing stops) reaches the database.
        await labLead.FillAsync("钱学敏");
        cluster.Kill(0);

        // The admin's circuit is gone: the page reconnects through nginx, which now answers from the second instance;
        // that instance does not know the circuit, so the page reloads there, still signed in, and the form restores
        // the browser's copy of what was typed.
        await Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("已恢复上次未保存的填写内容", new() { Timeout = 60_000 });
        await Expect(labLead).ToHaveValueAsync("钱学敏");
        Assert.Equal(surveyUrl, admin.Url);
        await Expect(admin.Locator("[data-testid=autosave-status]")).ToContainTextAsync("草稿已自动保存");
        await admin.ShotAsync("two-instances-01-draft-restored-on-the-other-instance");

        // The county admin's circuit on the second instance never noticed: same document, no reconnect dialog, and an
        // in-circuit navigation still works.
        Assert.Equal("yes", await county.EvaluateAsync<string>("() => window.__sameDocument"));
        Assert.False(await county.EvaluateAsync<bool>("() => document.getElementById('components-reconnect-modal')?.open === true"));
        await county.EvaluateAsync("() => Blazor.navigateTo('/me')");
        await county.WaitForURLAsync(url => url.EndsWith("/me", StringComparison.Ordinal));
        await Expect(county.Locator("input[type=file]").First).ToBeAttachedAsync();
        Assert.Equal("yes", await county.EvaluateAsync<string>("() => window.__sameDocument"));

        // The first instance restarts (its supervisor, like systemd's Restart=always) and serves again, with the draft.
        await cluster.WaitHealthyAsync(0, TimeSpan.FromMinutes(3));
        var again = await cluster.NewPageOnAsync(0);
        await again.SignInAsync("school_admin");
        var check = await again.APIRequest.GetAsync("/health");
        Assert.Equal(0, cluster.InstanceOf(check.Headers.GetValueOrDefault(TwoInstancesCluster.UpstreamHeader.ToLowerInvariant())));
        await again.GoAsync(new Uri(surveyUrl).PathAndQuery);
        await Expect(again.Locator("[data-testid='field-LabLeadName']")).ToHaveValueAsync("钱学敏");
        await Expect(again.Locator("[data-testid=survey-status]")).ToContainTextAsync("草稿");
        await again.ShotAsync("two-instances-02-draft-after-restart");
        await admin.Context.CloseAsync();
        await county.Context.CloseAsync();
        await again.Context.CloseAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
