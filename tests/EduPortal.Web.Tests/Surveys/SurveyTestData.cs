using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Surveys;

/// <summary>Rounds and forms for the survey tests: each test opens its own round so tests never share a form.</summary>
internal static class SurveyTestData
{
    public static async Task<int> OpenRoundAsync(this PortalFactory portal, string title, string opener = DemoAccounts.CountyAdmin)
    {
        var caller = await portal.CallerAsync(opener);
        var opened = await portal.Service<SurveyService>().OpenRoundAsync(caller, new RoundInput { Title = title, Deadline = portal.Now.UtcDateTime.AddDays(10) });
        Assert.True(opened.Succeeded, opened.Error?.Message);
        return opened.Value;
    }

    public static SurveyForm ValidForm(string schoolName, SchoolStage stage, int teachersPerSubject = 5) => new()
    {
        SchoolName = schoolName,
        LabLeadName = "王建华",
        LabLeadPhone = "0913-2663755",
        AdminName = "刘冰峰",
        AdminPhone = "13759693597",
        StudentCount = 1500,
        ClassCount = 30,
        Subjects = SurveySubjects.ForStage(stage)
            .Select(s => new SurveySubjectEntry(s) { Teachers = teachersPerSubject, FullTime = 1, LabRooms = 2 }).ToList(),
    };

    /// <summary>The demo school admin fills and submits its form in the round.</summary>
    public static async Task SubmitDemoSchoolAsync(this PortalFactory portal, int roundId, int teachersPerSubject = 5)
    {
        var school = await portal.DemoSchoolAsync();
        var caller = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var submitted = await portal.Service<SurveyService>().SubmitAsync(caller, roundId, ValidForm(school.Name, school.Stage, teachersPerSubject), null);
        Assert.True(submitted.Succeeded, submitted.Error?.Message);
    }

    /// <summary>The county admin of a county other than the demo county.</summary>
    public static async Task<Caller> OtherCountyAdminAsync(this PortalFactory portal)
    {
        var own = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        await using var db = await portal.DbAsync();
        var id = await db.Users.Where(u => u.Level == AdminLevel.County && u.OrgUnit!.Kind == OrgUnitKind.County && u.OrgUnitId != own.OrgUnitId)
            .OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        return (await CallerAccessor.LoadAsync(db, id))!;
    }
}
