using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Accounts;

/// <summary>Teacher self-registration when the first tries are refused (issue 9 §5).</summary>
[Collection(PortalServerCollection.Name)]
public sealed class RegistrationTests(PortalServer server)
{
    private static ILocator HelperText(IPage page, string testId) =>
        page.Locator(".mud-input-control").Filter(new LocatorFilterOptions { Has = page.Locator($"[data-testid={testId}]") }).Locator(".mud-input-helper-text");

    [Fact]
    public async Task A_teacher_whose_registration_is_refused_sees_the_remaining_errors_on_each_try_and_is_accepted_once_fixed()
    {
        const string phone = "13577770002";
        var page = await server.NewPageAsync(phone: true);
        await page.ExplainingFailureAsync("reg", async () =>
        {
            await page.GoAsync("/register");

            // First try: nothing filled in.
            await page.ClickAsync("[data-testid=reg-submit]");
            await Expect(HelperText(page, "reg-name")).ToContainTextAsync("请填写真实姓名");
            await Expect(HelperText(page, "reg-phone")).ToContainTextAsync("请输入有效的 11 位手机号码");
            await Expect(HelperText(page, "reg-school")).ToContainTextAsync("请选择所在学校");
            await Expect(HelperText(page, "reg-subjects")).ToContainTextAsync("请至少选择一门任教学科");
            await Expect(HelperText(page, "reg-password")).ToContainTextAsync("密码至少 10 个字符");
            await page.ShotAsync("reg-01-first-try-refused-phone");

            // Second try: a one-character name and a short phone are still wrong, with the same messages as before.
            await page.FillAsync("[data-testid=reg-name]", "林");
            await page.FillAsync("[data-testid=reg-phone]", "1357777");
            await page.ClickAsync("[data-testid=reg-submit]");
            await Expect(HelperText(page, "reg-name")).ToContainTextAsync("请填写真实姓名（至少 2 个字）");
            await Expect(HelperText(page, "reg-phone")).ToContainTextAsync("请输入有效的 11 位手机号码");
            await Expect(HelperText(page, "reg-school")).ToContainTextAsync("请选择所在学校");
            await page.ShotAsync("reg-02-second-try-still-refused-phone");

            // Third try: every field filled in, but the password is still too short.
            await page.FillAsync("[data-testid=reg-name]", "林小雪");
            await page.FillAsync("[data-testid=reg-phone]", phone);
            await page.SearchAndPickAsync("[data-testid=reg-school]", "东溪区第一", "东溪区第一高级中学");
            await page.ClickAsync("[data-testid=reg-subjects]");
            await page.PickOptionAsync("化学");
            await page.Locator("h5").First.ClickAsync();
            await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-testid=reg-subjects]")).ToHaveValueAsync("化学");
            await page.FillAsync("[data-testid=reg-password]", "spring");
            await page.FillAsync("[data-testid=reg-confirm]", "spring");
            await page.ClickAsync("[data-testid=reg-submit]");
            await Expect(HelperText(page, "reg-password")).ToContainTextAsync("密码至少 10 个字符");
            await Expect(HelperText(page, "reg-name")).ToHaveCountAsync(0);
            await Expect(HelperText(page, "reg-school")).ToHaveCountAsync(0);
            await page.ShotAsync("reg-03-third-try-password-refused-phone");

            // Fourth try: the application is accepted and waits for the school admin.
            await page.FillAsync("[data-testid=reg-password]", "spring rain on the hills");
            await page.FillAsync("[data-testid=reg-confirm]", "spring rain on the hills");
            await page.ClickAsync("[data-testid=reg-submit]");
            await Expect(page.Locator("[data-testid=register-done]")).ToContainTextAsync("注册申请已提交，请等待 东溪区第一高级中学 的管理员审核");
            await page.ShotAsync("reg-04-accepted-after-fixing-phone");
        });
    }
}
