using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Domain.Surveys;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Surveys;

/// <summary>Other schools' and other counties' ids on every survey page and service: refused or not found, nothing changed.</summary>
[Collection(PortalCollection.Name)]
public sealed class SurveyJurisdictionTests(PortalFactory portal)
{
    [Fact]
    public async Task A_school_admin_cannot_read_another_schools_form_or_the_board()
    {
        var roundId = await portal.OpenRoundAsync("越权测试调查一");
        await portal.SubmitDemoSchoolAsync(roundId);
        var own = await portal.DemoSchoolAsync();
        var neighbour = await portal.NeighbourSchoolAsync();
        var admin2 = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var surveys = portal.Service<SurveyService>();

        Assert.NotEqual(own.Id, admin2.OrgUnitId);
        Assert.IsType<NotFoundError>((await surveys.GetFormAsync(admin2, roundId, own.Id)).Error);
        Assert.IsType<NotFoundError>((await surveys.ExportPdfAsync(admin2, roundId, own.Id)).Error);
        Assert.IsType<NotFoundError>((await surveys.GetFormAsync(admin, roundId, neighbour.Id)).Error);
        Assert.IsType<ForbiddenError>((await surveys.GetBoardAsync(admin, roundId)).Error);
        Assert.IsType<ForbiddenError>((await surveys.ExportExcelAsync(admin, roundId)).Error);
        Assert.IsType<NotFoundError>((await surveys.ReturnAsync(admin2, roundId, own.Id, "越权退回")).Error);
        Assert.IsType<ForbiddenError>((await surveys.ReturnAsync(admin, roundId, own.Id, "自己退回")).Error);
        Assert.IsType<ForbiddenError>((await surveys.RemindAsync(admin, roundId, own.Id)).Error);

        var (browser, _) = await portal.SignInAsync(DemoAccounts.OtherSchoolAdmin);
        var html = await PortalFactory.HtmlAsync(await browser.GetAsync($"/surveys/{roundId}/schools/{own.Id}"));
        Assert.Contains("未找到该调查表，或不在您的管辖范围内", html);
        Assert.DoesNotContain("王建华", html);

        await using var db = await portal.DbAsync();
        Assert.Equal(SurveyStatus.Submitted, (await db.SchoolSurveys.SingleAsync(s => s.RoundId == roundId && s.SchoolId == own.Id)).Status);
    }

    [Fact]
    public async Task Another_countys_admin_finds_neither_the_round_nor_its_forms()
    {
        var roundId = await portal.OpenRoundAsync("越权测试调查二");
        await portal.SubmitDemoSchoolAsync(roundId);
        var own = await portal.DemoSchoolAsync();
        var other = await portal.OtherCountyAdminAsync();
        var surveys = portal.Service<SurveyService>();

        Assert.DoesNotContain(await surveys.GetRoundsAsync(other), r => r.Id == roundId);
        Assert.IsType<NotFoundError>((await surveys.GetBoardAsync(other, roundId)).Error);
        Assert.IsType<NotFoundError>((await surveys.GetFormAsync(other, roundId, own.Id)).Error);
        Assert.IsType<NotFoundError>((await surveys.ReturnAsync(other, roundId, own.Id, "越权退回")).Error);
        Assert.IsType<NotFoundError>((await surveys.RemindAsync(other, roundId, own.Id)).Error);
        Assert.IsType<NotFoundError>((await surveys.CloseRoundAsync(other, roundId)).Error);
        Assert.IsType<NotFoundError>((await surveys.ExportExcelAsync(other, roundId)).Error);

        await using var db = await portal.DbAsync();
        var survey = await db.SchoolSurveys.SingleAsync(s => s.RoundId == roundId && s.SchoolId == own.Id);
        Assert.Equal(SurveyStatus.Submitted, survey.Status);
        Assert.Null((await db.SurveyRounds.SingleAsync(r => r.Id == roundId)).ClosedAt);
    }

    [Fact]
    public async Task A_city_round_reaches_a_county_admin_only_for_its_own_schools()
    {
        var roundId = await portal.OpenRoundAsync("全市测试调查", DemoAccounts.CityAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var surveys = portal.Service<SurveyService>();
        var countyBoard = (await surveys.GetBoardAsync(county, roundId)).Value!;
        var cityBoard = (await surveys.GetBoardAsync(city, roundId)).Value!;

        Assert.Single(countyBoard.Counties);
        Assert.True(cityBoard.Counties.Count > 1);
        Assert.True(cityBoard.Rows.Count > countyBoard.Rows.Count);
        Assert.False(countyBoard.CanClose); // the city opened it; a county cannot end it for everyone
        Assert.IsType<ForbiddenError>((await surveys.CloseRoundAsync(county, roundId)).Error);
        var other = await portal.OtherCountySchoolAsync();
        Assert.DoesNotContain(countyBoard.Rows, r => r.SchoolId == other.Id);
    }
}
