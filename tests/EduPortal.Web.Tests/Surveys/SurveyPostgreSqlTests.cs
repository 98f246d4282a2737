using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Domain.Surveys;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Tests.PostgreSql;

namespace EduPortal.Web.Tests.Surveys;

/// <summary>The survey on the production database: owned rows, history, the round's path matching and the board's queries.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class SurveyPostgreSqlTests(PostgreSqlPortalFactory portal)
{
    [Fact]
    public async Task A_form_is_submitted_returned_and_counted_on_postgresql()
    {
        var roundId = await portal.OpenRoundAsync("PostgreSQL 测试调查", DemoAccounts.CityAdmin);
        await portal.SubmitDemoSchoolAsync(roundId);
        var school = await portal.DemoSchoolAsync();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var surveys = portal.Service<SurveyService>();

        var board = (await surveys.GetBoardAsync(county, roundId)).Value!;
        Assert.Equal(1, board.Total.Submitted);
        Assert.NotNull(board.Rows.Single(r => r.SchoolId == school.Id).Rate);
        Assert.True((await surveys.ReturnAsync(county, roundId, school.Id, "请核对")).Succeeded);
        var form = (await surveys.GetFormAsync(county, roundId, school.Id)).Value!;
        Assert.Equal(SurveyStatus.Returned, form.Status);
        Assert.Equal(2, form.History.Count);
        Assert.Equal(SurveySubjects.ForStage(school.Stage), form.Form.Subjects.Select(s => s.Subject));
        // Another county sees the city round, but only its own schools, and cannot read this one's form.
        var other = await portal.OtherCountyAdminAsync();
        Assert.DoesNotContain((await surveys.GetBoardAsync(other, roundId)).Value!.Rows, r => r.SchoolId == school.Id);
        Assert.IsType<NotFoundError>((await surveys.GetFormAsync(other, roundId, school.Id)).Error);
    }
}
