using EduPortal.Data.Seeding;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Surveys;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Surveys;

/// <summary>A round from opening to closing through the real services on SQLite: drafts, submit, return, resubmit, reminders, board.</summary>
[Collection(PortalCollection.Name)]
public sealed class SurveyWorkflowTests(PortalFactory portal)
{
    [Fact]
    public async Task The_demo_round_is_named_after_the_demo_county_and_the_term_of_the_portal_clock()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var today = ChinaTime.Today(portal.Service<TimeProvider>());
        var rounds = await portal.Service<SurveyService>().GetRoundsAsync(county);
        Assert.Equal("东溪区教育局", county.OrgUnitName);
        Assert.Contains(rounds, r => r.Title == $"东溪区中小学实验教学情况调查（{SurveyTitles.TermName(today)}）");
        Assert.DoesNotContain(rounds, r => r.Title.Contains("临渭区", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_form_whose_student_or_class_count_is_far_from_the_registered_one_is_flagged_for_review_on_the_form_and_the_board()
    {
        var roundId = await portal.OpenRoundAsync("复核提示测试调查");
        var school = await portal.DemoSchoolAsync();
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var surveys = portal.Service<SurveyService>();
        var fresh = (await surveys.GetFormAsync(admin, roundId, school.Id)).Value!;
        Assert.Empty(fresh.Flags); // prefilled from the registered figures

        var form = SurveyTestData.ValidForm(school.Name, school.Stage);
        form.StudentCount = fresh.Registered.Students * 2 + 100;
        form.ClassCount = fresh.Registered.Classes;
        Assert.True((await surveys.SubmitAsync(admin, roundId, form, fresh.Revision)).Succeeded);

        var expected = $"学生数 {NumberFormat.Count(form.StudentCount.Value)} 与学校登记的 {NumberFormat.Count(fresh.Registered.Students)} 人相差较大";
        Assert.Contains(expected, (await surveys.GetFormAsync(county, roundId, school.Id)).Value!.Flags);
        var row = (await surveys.GetBoardAsync(county, roundId)).Value!.Rows.Single(r => r.SchoolId == school.Id);
        Assert.Contains(expected, row.Flags);
        Assert.DoesNotContain(row.Flags, f => f.StartsWith("班数", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_draft_survives_a_reload_prefilled_from_the_org_data()
    {
        var roundId = await portal.OpenRoundAsync("草稿测试调查");
        var school = await portal.DemoSchoolAsync();
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var surveys = portal.Service<SurveyService>();

        var fresh = (await surveys.GetFormAsync(admin, roundId, school.Id)).Value!;
        Assert.Equal(SurveyStatus.NotStarted, fresh.Status);
        Assert.Equal(school.Name, fresh.Form.SchoolName);
        Assert.Equal(school.StudentCount, fresh.Form.StudentCount);
        Assert.Equal(school.Classes.Count, fresh.Form.ClassCount);
        Assert.Equal(SurveySubjects.ForStage(school.Stage), fresh.Form.Subjects.Select(s => s.Subject));
        Assert.True(fresh.CanEdit);

        var draft = fresh.Form.Copy();
        draft.LabLeadName = "王建华";
        draft.Subjects[0].Teachers = 4;
        var saved = await surveys.SaveDraftAsync(admin, roundId, draft, fresh.Revision);
        Assert.True(saved.Succeeded);

        var reloaded = (await surveys.GetFormAsync(admin, roundId, school.Id)).Value!;
        Assert.Equal(SurveyStatus.Draft, reloaded.Status);
        Assert.Equal("王建华", reloaded.Form.LabLeadName);
        Assert.Equal(4, reloaded.Form.Subjects[0].Teachers);
        Assert.Equal(saved.Value, reloaded.Revision);

        // A stale tab (old revision) cannot overwrite the newer draft.
        var stale = await surveys.SaveDraftAsync(admin, roundId, fresh.Form, Guid.NewGuid());
        Assert.IsType<ConflictError>(stale.Error);
    }

    [Fact]
    public async Task An_invalid_submit_saves_nothing_and_names_each_field()
    {
        var roundId = await portal.OpenRoundAsync("校验测试调查");
        var school = await portal.DemoSchoolAsync();
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var form = SurveyTestData.ValidForm(school.Name, school.Stage);
        form.AdminPhone = "2663755";
        form.Subjects[0].FullTime = 9;
        var result = await portal.Service<SurveyService>().SubmitAsync(admin, roundId, form, null);

        var error = Assert.IsType<ValidationError>(result.Error);
        Assert.Equal(SurveyRules.PhoneMessage, error.Fields[nameof(SurveyForm.AdminPhone)]);
        Assert.Equal($"{form.Subjects[0].Subject}专职人数不能多于任课教师人数", error.Fields[SurveyRules.FullTimeField(form.Subjects[0].Subject)]);
        await using var db = await portal.DbAsync();
        Assert.False(await db.SchoolSurveys.AnyAsync(s => s.RoundId == roundId));
    }

    [Fact]
    public async Task Submit_return_and_resubmit_keep_the_history_and_the_audit_log()
    {
        var roundId = await portal.OpenRoundAsync("退回测试调查");
        var school = await portal.DemoSchoolAsync();
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var surveys = portal.Service<SurveyService>();
        await portal.SubmitDemoSchoolAsync(roundId);

        var submitted = (await surveys.GetFormAsync(admin, roundId, school.Id)).Value!;
        Assert.Equal(SurveyStatus.Submitted, submitted.Status);
        Assert.False(submitted.CanEdit);
        Assert.IsType<ConflictError>((await surveys.SaveDraftAsync(admin, roundId, submitted.Form, submitted.Revision)).Error);

        var asReviewer = (await surveys.GetFormAsync(county, roundId, school.Id)).Value!;
        Assert.True(asReviewer.CanReturn);
        Assert.False(asReviewer.CanEdit);
        Assert.IsType<ValidationError>((await surveys.ReturnAsync(county, roundId, school.Id, "")).Error);
        Assert.True((await surveys.ReturnAsync(county, roundId, school.Id, "学生数与学籍系统不一致")).Succeeded);

        var returned = (await surveys.GetFormAsync(admin, roundId, school.Id)).Value!;
        Assert.Equal(SurveyStatus.Returned, returned.Status);
        Assert.Equal("学生数与学籍系统不一致", returned.ReturnComment);
        Assert.True(returned.CanEdit);
        var notices = await surveys.GetNoticesAsync(admin);
        Assert.Contains(notices, n => n.RoundId == roundId && n.ReturnComment == "学生数与学籍系统不一致");

        var fixedForm = returned.Form.Copy();
        fixedForm.StudentCount = 1480;
        Assert.True((await surveys.SubmitAsync(admin, roundId, fixedForm, returned.Revision)).Succeeded);

        var final = (await surveys.GetFormAsync(county, roundId, school.Id)).Value!;
        Assert.Equal(2, final.Version);
        Assert.Equal(["学生数：1500 → 1480", "学生数与学籍系统不一致", "首次提交"], final.History.Select(h => h.Note));
        Assert.Equal([admin.RealName, county.RealName, admin.RealName], final.History.Select(h => h.ActorName));
        Assert.DoesNotContain(await surveys.GetNoticesAsync(admin), n => n.RoundId == roundId);

        await using var db = await portal.DbAsync();
        var key = $"{roundId}/{school.Id}";
        var actions = await db.AuditEntries.Where(a => a.EntityId == key).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditActions.SurveySubmitted, AuditActions.SurveyReturned, AuditActions.SurveySubmitted], actions);
    }

    [Fact]
    public async Task A_reminder_reaches_the_school_admins_home_page()
    {
        var roundId = await portal.OpenRoundAsync("提醒测试调查");
        var school = await portal.DemoSchoolAsync();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var sent = await portal.Service<SurveyService>().RemindAsync(county, roundId, school.Id);
        Assert.Equal(1, sent.Value);

        var (browser, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        var home = await PortalFactory.HtmlAsync(await browser.GetAsync("/"));
        Assert.Contains("待填报的调查", home);
        Assert.Contains("提醒测试调查", home);
        Assert.Contains("提醒您尽快填报", home);
    }

    [Fact]
    public async Task The_board_counts_statuses_totals_and_registration_rates_per_school_and_county()
    {
        var roundId = await portal.OpenRoundAsync("进度测试调查");
        var school = await portal.DemoSchoolAsync();
        await portal.SubmitDemoSchoolAsync(roundId, teachersPerSubject: 5);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var board = (await portal.Service<SurveyService>().GetBoardAsync(county, roundId)).Value!;

        await using var db = await portal.DbAsync();
        var schoolsInCounty = await db.OrgUnits.CountAsync(o => o.Kind == Domain.Organization.OrgUnitKind.School && o.Path.StartsWith(county.OrgPath));
        Assert.Equal(schoolsInCounty, board.Rows.Count);
        Assert.Equal(1, board.Total.Submitted);
        Assert.Equal(schoolsInCounty - 1, board.Total.NotStarted);

        // Registered: approved, serving accounts of the school teaching a surveyed subject.
        var surveyed = SurveySubjects.ForStage(school.Stage);
        var accounts = await db.Users.Where(u => u.OrgUnitId == school.Id && u.Status == Domain.Accounts.AccountStatus.Active
            && u.Employment == Domain.Accounts.EmploymentStatus.Serving).Select(u => u.SubjectsText).ToListAsync();
        var registered = accounts.Count(s => Domain.Accounts.Subjects.Parse(s).Known.Any(surveyed.Contains));
        var row = board.Rows.Single(r => r.SchoolId == school.Id);
        Assert.Equal(registered, row.Registered);
        Assert.Equal(5 * surveyed.Count, row.Surveyed);
        Assert.Equal((double)registered / (5 * surveyed.Count), row.Rate!.Value, 6);
        Assert.Equal(1500, board.Total.Students);
        Assert.Equal(5, board.Total.Subjects[surveyed[0]].Teachers);
        var countyTotals = Assert.Single(board.Counties);
        Assert.Equal(row.Rate, countyTotals.Rate);
        // Schools that have not submitted have no denominator: a dash, not 0%.
        Assert.All(board.Rows.Where(r => r.SchoolId != school.Id), r => Assert.Null(r.Rate));
    }

    [Fact]
    public async Task A_closed_round_takes_no_more_drafts_returns_or_reminders()
    {
        var roundId = await portal.OpenRoundAsync("结束测试调查");
        await portal.SubmitDemoSchoolAsync(roundId);
        var school = await portal.DemoSchoolAsync();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var admin2 = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        var surveys = portal.Service<SurveyService>();
        Assert.IsType<ForbiddenError>((await surveys.CloseRoundAsync(admin2, roundId)).Error);
        Assert.True((await surveys.CloseRoundAsync(county, roundId)).Succeeded);

        Assert.IsType<ConflictError>((await surveys.ReturnAsync(county, roundId, school.Id, "请修改")).Error);
        Assert.IsType<ConflictError>((await surveys.SaveDraftAsync(admin2, roundId, new SurveyForm(), null)).Error);
        Assert.Equal(0, (await surveys.RemindAsync(county, roundId, null)).Value);
        Assert.False((await surveys.GetFormAsync(admin2, roundId, admin2.OrgUnitId)).Value!.CanEdit);
    }
}
