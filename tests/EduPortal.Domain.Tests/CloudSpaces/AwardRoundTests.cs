using EduPortal.Domain.Accounts;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using Microsoft.Extensions.Time.Testing;

namespace EduPortal.Domain.Tests.CloudSpaces;

public sealed class AwardRoundTests
{
    internal const string SchoolPath = "/1/1/3/";
    internal static readonly DateTimeOffset Now = new(2026, 5, 25, 2, 0, 0, TimeSpan.Zero);
    internal static readonly Caller County = new("c1", "县管理员", AdminLevel.County, 2, "东溪区教育局", "/1/1/", OrgUnitKind.County, Capability.None);
    internal static readonly Caller OtherCounty = new("c2", "外县管理员", AdminLevel.County, 5, "西岭县教育局", "/1/2/", OrgUnitKind.County, Capability.None);
    internal static readonly Caller City = new("m1", "市管理员", AdminLevel.City, 1, "云溪市教育局", "/1/", OrgUnitKind.City, Capability.None);
    internal static readonly Caller SchoolAdmin = new("s1", "校管理员", AdminLevel.School, 30, "东溪区第一初级中学", SchoolPath, OrgUnitKind.School, Capability.None);
    internal static readonly Caller OtherSchoolAdmin = new("s2", "邻校管理员", AdminLevel.School, 31, "东溪区第二初级中学", "/1/1/4/", OrgUnitKind.School, Capability.None);
    internal static readonly Caller Expert = new("e1", "专家甲", AdminLevel.Teacher, 31, "东溪区第二初级中学", "/1/1/4/", OrgUnitKind.School, Capability.ExpertReviewer);
    internal static readonly AwardNominee Teacher = new(30, SchoolPath, "东溪区第一初级中学", "t1", "王老师");

    internal static AwardRound Round() => AwardRound.Create(County, 2026, Now).Value!;

    internal static AwardEntry Entry(AwardRound round, DateOnly? day = null) =>
        AwardEntry.Nominate(round, SchoolAdmin, new AwardNomination(AwardKind.TeacherSpace, "t1", "https://yun.example.cn/space/t1", null), Teacher,
            day ?? new DateOnly(2026, 5, 25), Now).Value!;

    private static DateOnly ChinaDay(string utc) => ChinaTime.Today(new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_county_admin_creates_a_round_with_the_circulars_phases_in_the_rounds_year()
    {
        Assert.IsType<ForbiddenError>(AwardRound.Create(SchoolAdmin, 2026, Now).Error);
        Assert.IsType<ForbiddenError>(AwardRound.Create(City, 2026, Now).Error);
        var round = AwardRound.Create(County, 2027, Now).Value!;
        Assert.Equal(new DateOnly(2027, 5, 21), round.NominationStart);
        Assert.Equal(new DateOnly(2027, 5, 31), round.NominationEnd);
        Assert.Equal(new DateOnly(2027, 6, 1), round.ReviewStart);
        Assert.Equal(new DateOnly(2027, 6, 10), round.ReviewEnd);
        Assert.Equal(new DateOnly(2027, 6, 11), round.CommendationStart);
        Assert.Equal(new DateOnly(2027, 6, 20), round.CommendationEnd);
        Assert.Equal(new DateOnly(2027, 3, 10), round.DeepFrom);
        Assert.Equal(new DateOnly(2027, 5, 31), round.DeepTo);
        Assert.Equal("/1/1/", round.CountyPath);
    }

    [Fact]
    public void Dates_and_settings_are_editable_by_the_county_admin_and_must_follow_the_phase_order()
    {
        var round = Round();
        var later = AwardSchedule.Default(2026) with { NominationStart = new DateOnly(2026, 5, 15), NominationEnd = new DateOnly(2026, 5, 28) };
        Assert.True(round.Update(County, "春季评比", later, AwardSettings.Default with { CommentBelow = 70 }).Succeeded);
        Assert.Equal(new DateOnly(2026, 5, 15), round.NominationStart);
        Assert.Equal(70, round.CommentBelow);
        Assert.IsType<ForbiddenError>(round.Update(OtherCounty, "x", later, AwardSettings.Default).Error);
        Assert.IsType<ForbiddenError>(round.Update(City, "x", later, AwardSettings.Default).Error);

        var overlapping = later with { ReviewStart = new DateOnly(2026, 5, 28) };
        var error = Assert.IsType<ValidationError>(round.Update(County, "春季评比", overlapping, AwardSettings.Default with { TrimFromExperts = 2 }).Error);
        Assert.Equal("专家评选须在报名结束之后开始", error.Fields["ReviewStart"]);
        Assert.Equal("去掉最高分和最低分至少需要 3 位专家（填 0 表示不去掉）", error.Fields["TrimFromExperts"]);
        Assert.Equal(new DateOnly(2026, 6, 1), round.ReviewStart); // nothing half-saved
        Assert.Equal(70, round.CommentBelow);
    }

    [Theory]
    [InlineData("2026-05-20T15:59:59Z", false, "报名尚未开始：报名时间为5月21日至5月31日。")] // 5/20 23:59:59 China time
    [InlineData("2026-05-20T16:00:00Z", true, null)] // 5/21 00:00 China time
    [InlineData("2026-05-31T15:59:59Z", true, null)] // 5/31 23:59:59
    [InlineData("2026-05-31T16:00:00Z", false, "报名已截止：报名时间为5月21日至5月31日，现在不能再报名或撤回。")] // 6/1 00:00
    public void Nominations_are_accepted_only_inside_the_nomination_window_in_china_time(string utc, bool accepted, string? message)
    {
        var round = Round();
        var result = AwardEntry.Nominate(round, SchoolAdmin, new AwardNomination(AwardKind.TeacherSpace, "t1", "https://yun.example.cn/t1", null), Teacher,
            ChinaDay(utc), Now);
        Assert.Equal(accepted, result.Succeeded);
        if (message is not null)
        {
            Assert.Equal(message, Assert.IsType<ConflictError>(result.Error).Message);
        }
    }

    [Theory]
    [InlineData("2026-05-31T15:59:59Z", false)]
    [InlineData("2026-05-31T16:00:00Z", true)] // 6/1 00:00 China time
    [InlineData("2026-06-10T15:59:59Z", true)] // 6/10 23:59:59
    [InlineData("2026-06-10T16:00:00Z", false)] // 6/11 00:00
    public void Scores_are_accepted_only_inside_the_review_window_in_china_time(string utc, bool accepted)
    {
        var round = Round();
        var entry = Entry(round);
        var assignment = AwardAssignment.Assign(round, County, entry, AwardScoringTests.ExpertOf(Expert), new DateOnly(2026, 5, 30), Now).Value!;
        var result = AwardScore.Submit(round, Expert, assignment, new AwardScoreInput(8, 40, 15, 15, null), ChinaDay(utc), Now);
        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.Equal("不在专家评选时间内：评分时间为6月1日至6月10日。", Assert.IsType<ConflictError>(result.Error).Message);
        }
    }

    [Fact]
    public void Phases_follow_the_schedule_days()
    {
        var round = Round();
        Assert.Equal(AwardPhase.NotStarted, round.PhaseOn(new DateOnly(2026, 5, 20)));
        Assert.Equal(AwardPhase.Nomination, round.PhaseOn(new DateOnly(2026, 5, 21)));
        Assert.Equal(AwardPhase.Review, round.PhaseOn(new DateOnly(2026, 6, 1)));
        Assert.Equal(AwardPhase.Commendation, round.PhaseOn(new DateOnly(2026, 6, 20)));
        Assert.Equal(AwardPhase.Ended, round.PhaseOn(new DateOnly(2026, 6, 21)));
    }

    [Fact]
    public void Only_a_school_admin_of_the_county_nominates_their_own_school_with_a_web_address()
    {
        var round = Round();
        var day = new DateOnly(2026, 5, 25);
        Assert.IsType<NotFoundError>(AwardEntry.Nominate(round, OtherSchoolAdmin, new AwardNomination(AwardKind.TeacherSpace, "t1", "https://a.cn", null), Teacher, day, Now).Error);
        Assert.IsType<ForbiddenError>(AwardEntry.Nominate(round, County, new AwardNomination(AwardKind.TeacherSpace, "t1", "https://a.cn", null), Teacher, day, Now).Error);
        var elsewhere = new AwardNominee(50, "/1/2/7/", "西岭县第一小学", "t9", "外县教师");
        var outsider = SchoolAdmin with { OrgPath = "/1/2/7/" };
        Assert.IsType<ForbiddenError>(AwardEntry.Nominate(round, outsider, new AwardNomination(AwardKind.TeacherSpace, "t9", "https://a.cn", null), elsewhere, day, Now).Error);

        var invalid = Assert.IsType<ValidationError>(AwardEntry.Nominate(round, SchoolAdmin, new AwardNomination(AwardKind.TeacherSpace, null, "yun.example.cn", null),
            Teacher with { TeacherId = null }, day, Now).Error);
        Assert.Equal("请选择要推荐的教师", invalid.Fields["TeacherId"]);
        Assert.Equal("空间网址须以 http:// 或 https:// 开头", invalid.Fields["SpaceUrl"]);
        Assert.Equal("深度应用奖项由指数评定，不需要报名", Assert.IsType<ValidationError>(
            AwardEntry.Nominate(round, SchoolAdmin, new AwardNomination(AwardKind.DeepSchool, null, "https://a.cn", null), Teacher, day, Now).Error).Fields["Kind"]);

        var school = AwardEntry.Nominate(round, SchoolAdmin, new AwardNomination(AwardKind.SchoolSpace, "t1", "https://yun.example.cn/school/30", "学校空间"), Teacher, day, Now).Value!;
        Assert.Null(school.TeacherId);
        Assert.Equal("东溪区第一初级中学", school.DisplayName);
    }

    [Fact]
    public void Publication_waits_for_the_end_of_review_and_happens_once_by_the_county_admin()
    {
        var round = Round();
        Assert.Equal("专家评选至2026年6月10日结束，之后才能发布结果。",
            Assert.IsType<ConflictError>(round.Publish(County, new DateOnly(2026, 6, 10), Now).Error).Message);
        Assert.IsType<ForbiddenError>(round.Publish(OtherCounty, new DateOnly(2026, 6, 11), Now).Error);
        Assert.True(round.Publish(County, new DateOnly(2026, 6, 11), Now).Succeeded);
        Assert.IsType<ConflictError>(round.Publish(County, new DateOnly(2026, 6, 12), Now).Error);
        Assert.IsType<ConflictError>(round.Update(County, "x", round.Schedule, round.Settings).Error);
        Assert.IsType<ConflictError>(round.CheckScoringOpen(new DateOnly(2026, 6, 5)).Error);
    }

    [Fact]
    public void Permissions_follow_the_role_and_the_phase()
    {
        var round = Round();
        var nominating = new DateOnly(2026, 5, 25);
        Assert.Equal(AwardRoundPermissions.None, round.PermissionsFor(OtherCounty, nominating));
        Assert.True(round.PermissionsFor(SchoolAdmin, nominating).CanNominate);
        Assert.False(round.PermissionsFor(SchoolAdmin, nominating).CanSeeResults);
        Assert.False(round.PermissionsFor(SchoolAdmin, new DateOnly(2026, 6, 1)).CanNominate);
        Assert.False(round.PermissionsFor(Expert, nominating).CanScore);
        Assert.True(round.PermissionsFor(Expert, new DateOnly(2026, 6, 1)).CanScore);
        Assert.True(round.PermissionsFor(County, nominating).CanAssign);
        Assert.False(round.PermissionsFor(County, new DateOnly(2026, 6, 11)).CanAssign);
        Assert.False(round.PermissionsFor(County, new DateOnly(2026, 5, 31)).CanComputeDeep);
        Assert.True(round.PermissionsFor(County, new DateOnly(2026, 6, 1)).CanComputeDeep);
        round.Publish(County, new DateOnly(2026, 6, 11), Now);
        Assert.True(round.PermissionsFor(SchoolAdmin, new DateOnly(2026, 6, 11)).CanSeeResults);
        Assert.True(round.PermissionsFor(City, new DateOnly(2026, 6, 11)).CanSeeResults);
    }
}
