using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;

namespace EduPortal.Domain.Tests.Surveys;

public sealed class SchoolSurveyTests
{
    private const int SchoolId = 30;
    private const string SchoolPath = "/1/1/3/";
    private static readonly DateTimeOffset Now = new(2026, 4, 18, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 4, 18);
    private static readonly Caller County = new("c1", "县管理员", AdminLevel.County, 2, "东溪区教育局", "/1/1/", OrgUnitKind.County, Capability.None);
    private static readonly Caller OtherCounty = new("c2", "外县管理员", AdminLevel.County, 5, "西岭县教育局", "/1/2/", OrgUnitKind.County, Capability.None);
    private static readonly Caller City = new("m1", "市管理员", AdminLevel.City, 1, "云溪市教育局", "/1/", OrgUnitKind.City, Capability.None);
    private static readonly Caller SchoolAdmin = new("s1", "校管理员", AdminLevel.School, SchoolId, "东溪区第一初级中学", SchoolPath, OrgUnitKind.School, Capability.None);
    private static readonly Caller OtherSchoolAdmin = new("s2", "邻校管理员", AdminLevel.School, 31, "东溪区第二初级中学", "/1/1/4/", OrgUnitKind.School, Capability.None);
    private static readonly Caller Teacher = new("t1", "教师", AdminLevel.Teacher, SchoolId, "东溪区第一初级中学", SchoolPath, OrgUnitKind.School, Capability.None);
    private static readonly IReadOnlyList<string> Subjects = SurveySubjects.ForStage(SchoolStage.Junior);

    private static SurveyRound Round() => SurveyRound.Open(County, "临渭区中小学实验教学情况调查", Today.AddDays(3), Today, Now).Value!;

    private static (SurveyRound Round, SchoolSurvey Survey) Submitted()
    {
        var round = Round();
        var survey = SchoolSurvey.Start(round, SchoolId, SchoolPath, SchoolAdmin, Now).Value!;
        Assert.True(survey.SaveDraft(round, SurveyRulesTests.ValidForm(), Subjects, SchoolAdmin, Now).Succeeded);
        Assert.True(survey.Submit(round, Subjects, SchoolAdmin, Now).Succeeded);
        return (round, survey);
    }

    [Fact]
    public void Only_county_and_city_admins_open_rounds_with_a_title_and_a_future_deadline()
    {
        Assert.IsType<ForbiddenError>(SurveyRound.Open(SchoolAdmin, "调查", Today, Today, Now).Error);
        var invalid = Assert.IsType<ValidationError>(SurveyRound.Open(County, " ", Today.AddDays(-1), Today, Now).Error);
        Assert.Equal("请填写调查标题", invalid.Fields["Title"]);
        Assert.Equal("截止日期不能早于今天", invalid.Fields["Deadline"]);
        var round = SurveyRound.Open(City, "全市调查", Today, Today, Now).Value!;
        Assert.Equal("/1/", round.OrgPath);
        Assert.True(round.Includes(SchoolPath));
    }

    [Fact]
    public void Only_the_schools_own_admin_edits_its_form()
    {
        var round = Round();
        Assert.IsType<ForbiddenError>(SchoolSurvey.Start(round, SchoolId, SchoolPath, OtherSchoolAdmin, Now).Error);
        Assert.IsType<ForbiddenError>(SchoolSurvey.Start(round, SchoolId, SchoolPath, Teacher, Now).Error);
        Assert.IsType<ForbiddenError>(SchoolSurvey.Start(round, SchoolId, SchoolPath, County, Now).Error);
        var survey = SchoolSurvey.Start(round, SchoolId, SchoolPath, SchoolAdmin, Now).Value!;
        Assert.IsType<ForbiddenError>(survey.SaveDraft(round, SurveyRulesTests.ValidForm(), Subjects, County, Now).Error);
        Assert.IsType<ForbiddenError>(survey.Submit(round, Subjects, OtherSchoolAdmin, Now).Error);
    }

    [Fact]
    public void A_half_filled_draft_saves_but_cannot_be_submitted()
    {
        var round = Round();
        var survey = SchoolSurvey.Start(round, SchoolId, SchoolPath, SchoolAdmin, Now).Value!;
        Assert.True(survey.SaveDraft(round, new SurveyForm { SchoolName = "东溪区第一初级中学", StudentCount = 900 }, Subjects, SchoolAdmin, Now).Succeeded);
        Assert.Equal(SurveyStatus.Draft, survey.Status);
        Assert.Equal(Subjects, survey.ToForm().Subjects.Select(s => s.Subject));
        var error = Assert.IsType<ValidationError>(survey.Submit(round, Subjects, SchoolAdmin, Now).Error);
        Assert.Contains(nameof(SurveyForm.LabLeadName), error.Fields.Keys);
        Assert.Equal(SurveyStatus.Draft, survey.Status);
        Assert.Equal(0, survey.Version);
        Assert.Empty(survey.History);
    }

    [Fact]
    public void Submitting_locks_the_form()
    {
        var (round, survey) = Submitted();
        Assert.Equal(SurveyStatus.Submitted, survey.Status);
        Assert.Equal(1, survey.Version);
        Assert.IsType<ConflictError>(survey.SaveDraft(round, SurveyRulesTests.ValidForm(), Subjects, SchoolAdmin, Now).Error);
        Assert.IsType<ConflictError>(survey.Submit(round, Subjects, SchoolAdmin, Now).Error);
    }

    [Fact]
    public void A_return_needs_a_comment_and_a_reviewer_above_the_school()
    {
        var (round, survey) = Submitted();
        Assert.IsType<ForbiddenError>(survey.Return(round, "请核对", SchoolAdmin, Now).Error);
        Assert.IsType<ForbiddenError>(survey.Return(round, "请核对", OtherCounty, Now).Error);
        Assert.Equal("请填写退回原因，学校据此修改", Assert.IsType<ValidationError>(survey.Return(round, "  ", County, Now).Error).Fields["Comment"]);
        Assert.True(survey.Return(round, "学生数与学籍系统不一致", City, Now).Succeeded);
        Assert.Equal(SurveyStatus.Returned, survey.Status);
        Assert.Equal("学生数与学籍系统不一致", survey.ReturnComment);
        Assert.IsType<ConflictError>(survey.Return(round, "再退一次", County, Now).Error);
    }

    [Fact]
    public void Resubmitting_after_a_return_keeps_every_version_and_who_changed_what()
    {
        var (round, survey) = Submitted();
        survey.Return(round, "物理教师人数有误", County, Now.AddHours(1));
        var fixedForm = survey.ToForm();
        fixedForm.For("物理")!.Teachers = 8;
        Assert.True(survey.SaveDraft(round, fixedForm, Subjects, SchoolAdmin, Now.AddHours(2)).Succeeded);
        Assert.True(survey.Submit(round, Subjects, SchoolAdmin, Now.AddHours(2)).Succeeded);

        Assert.Equal(2, survey.Version);
        Assert.Equal(
            [(SurveyHistoryAction.Submitted, 1, "校管理员", "首次提交"),
             (SurveyHistoryAction.Returned, 1, "县管理员", "物理教师人数有误"),
             (SurveyHistoryAction.Submitted, 2, "校管理员", "物理任课教师：6 → 8")],
            survey.History.Select(h => (h.Action, h.Version, h.ActorName, h.Note)));
        Assert.Equal(6, survey.History[0].Snapshot()!.For("物理")!.Teachers);
        Assert.Equal(8, survey.History[2].Snapshot()!.For("物理")!.Teachers);
    }

    [Fact]
    public void Nobody_edits_or_returns_after_the_round_closes()
    {
        var (round, survey) = Submitted();
        Assert.IsType<ForbiddenError>(round.Close(OtherCounty, Now).Error);
        Assert.IsType<ForbiddenError>(round.Close(SchoolAdmin, Now).Error);
        Assert.True(round.Close(County, Now).Succeeded);
        Assert.IsType<ConflictError>(round.Close(City, Now).Error);
        Assert.IsType<ConflictError>(survey.Return(round, "太晚了", County, Now).Error);
        Assert.IsType<ConflictError>(SchoolSurvey.Start(round, SchoolId, SchoolPath, SchoolAdmin, Now).Error);
        Assert.IsType<ConflictError>(SurveyReminder.Send(round, SchoolId, SchoolPath, SurveyStatus.Draft, County, Now).Error);
    }

    [Fact]
    public void Reminders_go_only_to_schools_that_have_not_submitted_inside_the_senders_jurisdiction()
    {
        var round = Round();
        Assert.True(SurveyReminder.Send(round, SchoolId, SchoolPath, SurveyStatus.NotStarted, County, Now).Succeeded);
        Assert.IsType<ConflictError>(SurveyReminder.Send(round, SchoolId, SchoolPath, SurveyStatus.Submitted, County, Now).Error);
        Assert.IsType<ForbiddenError>(SurveyReminder.Send(round, SchoolId, SchoolPath, SurveyStatus.Draft, OtherCounty, Now).Error);
        Assert.IsType<ForbiddenError>(SurveyReminder.Send(round, SchoolId, SchoolPath, SurveyStatus.Draft, SchoolAdmin, Now).Error);
    }

    [Fact]
    public void Permissions_offer_editing_to_the_schools_own_admin_until_submitted_and_returning_to_the_admins_above_after()
    {
        var round = Round();
        Assert.Equal(new SurveyPermissions(Edit: true, Return: false), SchoolSurvey.PermissionsFor(null, round, SchoolId, SchoolPath, SchoolAdmin));
        Assert.Equal(new SurveyPermissions(false, false), SchoolSurvey.PermissionsFor(null, round, SchoolId, SchoolPath, OtherSchoolAdmin));
        Assert.Equal(new SurveyPermissions(false, false), SchoolSurvey.PermissionsFor(null, round, SchoolId, SchoolPath, Teacher));
        Assert.False(SchoolSurvey.PermissionsFor(null, round, SchoolId, SchoolPath, County).Return);

        var (open, submitted) = Submitted();
        Assert.Equal(new SurveyPermissions(Edit: false, Return: false), SchoolSurvey.PermissionsFor(submitted, open, SchoolId, SchoolPath, SchoolAdmin));
        Assert.Equal(new SurveyPermissions(Edit: false, Return: true), SchoolSurvey.PermissionsFor(submitted, open, SchoolId, SchoolPath, County));
        Assert.True(SchoolSurvey.PermissionsFor(submitted, open, SchoolId, SchoolPath, City).Return);
        Assert.False(SchoolSurvey.PermissionsFor(submitted, open, SchoolId, SchoolPath, OtherCounty).Return);
        // The same answers the transitions give.
        Assert.False(submitted.SaveDraft(open, SurveyRulesTests.ValidForm(), Subjects, SchoolAdmin, Now).Succeeded);
        Assert.True(submitted.Return(open, "请核对", County, Now).Succeeded);
        Assert.True(SchoolSurvey.PermissionsFor(submitted, open, SchoolId, SchoolPath, SchoolAdmin).Edit);
    }
}
