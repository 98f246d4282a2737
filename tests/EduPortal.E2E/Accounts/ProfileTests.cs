using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EduPortal.E2E.Accounts;

/// <summary>The profile page as a teacher uses it on a phone.</summary>
[Collection(PortalServerCollection.Name)]
public sealed class ProfileTests(PortalServer server)
{
    [Fact]
    public async Task A_teacher_uploads_an_avatar_and_a_fake_image_is_refused_next_to_the_field()
    {
        var page = await server.NewPageAsync(phone: true);
        await page.SignInAsync("teacher");
        await page.GoAsync("/me");
        var fake = Path.Combine(Path.GetTempPath(), $"fake-{Guid.NewGuid():N}.jpg");
        await File.WriteAllTextAsync(fake, "not really a photo");
        await page.ChooseFileAsync(fake);
        await Expect(page.Locator("[data-testid=avatar-error]")).ToContainTextAsync("请勿仅修改扩展名");

        await page.Locator("input[type=file]").First.SetInputFilesAsync(PortalSteps.TinyPngFile("avatar"));
        await Expect(page.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = "头像已更新" })).ToBeVisibleAsync();
        var avatar = page.Locator("img[alt=头像]");
        await Expect(avatar).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/files/avatars/.+-thumb\\.jpg$"));
        var response = await page.APIRequest.GetAsync(await avatar.GetAttributeAsync("src") ?? "");
        Assert.Equal(200, response.Status);
        await page.ShotAsync("14-profile-phone");
    }
}
