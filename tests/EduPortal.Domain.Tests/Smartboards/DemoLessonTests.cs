using EduPortal.Domain.Common;
using EduPortal.Domain.Smartboards;
using Microsoft.Extensions.Time.Testing;

namespace EduPortal.Domain.Tests.Smartboards;

/// <summary>Demo lessons (circular 003 §三.2: 各学校全年不少于2次) and county competitions each June and December (circular 004).</summary>
public sealed class DemoLessonTests
{
    private readonly SmartboardFixtures _f = new();

    private DateOnly Today => ChinaTime.Today(_f.Clock);

    private DemoLessonSchool School => new(10, _f.School.Name, _f.School.Path, 2);

    private static DemoLessonTeacher Teacher(int schoolId = 10) => new("t1", "王老师", schoolId);

    private Result<DemoLesson> Record(Domain.Accounts.Caller? caller = null, DateOnly? heldOn = null, DemoLessonTeacher? teacher = null, string? notes = "全校数学组听课",
        string? link = null, Classroom? room = null) =>
        DemoLesson.Record(caller ?? _f.SchoolAdmin, School, DemoLessonKind.Observation, teacher ?? Teacher(), "数学", "分数的初步认识", heldOn ?? Today, room, notes, link,
            _f.Clock);

    private static string Field<T>(Result<T> result, string field) => ((ValidationError)result.Error!).Fields[field];

    [Fact]
    public void Exactly_two_lessons_in_a_year_meet_the_rule_and_one_does_not()
    {
        Assert.Equal(2, DemoLessonRule.MinPerYear);
        Assert.False(DemoLessonRule.Meets(0));
        Assert.False(DemoLessonRule.Meets(1));
        Assert.True(DemoLessonRule.Meets(2));
        Assert.True(DemoLessonRule.Meets(3));
        Assert.Equal(1, DemoLessonRule.Missing(1));
        Assert.Equal(0, DemoLessonRule.Missing(2));
    }

    [Fact]
    public void A_lesson_counts_in_the_year_of_its_day_so_new_years_eve_and_new_years_day_fall_in_different_years()
    {
        DateOnly[] held = [new(2026, 12, 31), new(2026, 3, 5), new(2027, 1, 1)];
        Assert.Equal(2, DemoLessonRule.CountInYear(held, 2026));
        Assert.Equal(1, DemoLessonRule.CountInYear(held, 2027));
    }

    [Fact]
    public void The_current_year_is_chinas_so_the_evening_of_december_31_utc_is_already_the_new_year()
    {
        // 2026-12-31 16:30 UTC is 2027-01-01 00:30 in China: the new year's count starts.
        Assert.Equal(2027, DemoLessonRule.CurrentYear(new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero))));
        Assert.Equal(2026, DemoLessonRule.CurrentYear(new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 15, 59, 0, TimeSpan.Zero))));
        Assert.Equal(2027, DemoLessonRule.YearOf(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_school_admin_records_a_demo_lesson_with_its_evidence()
    {
        var lesson = Record(link: "https://example.edu.cn/kl/1").Value!;
        Assert.Equal(10, lesson.SchoolId);
        Assert.Equal(2, lesson.CountyId);
        Assert.Equal("王老师", lesson.TeacherName);
        Assert.Equal("https://example.edu.cn/kl/1", lesson.EvidenceLink);
        Assert.True(lesson.PermissionsFor(_f.SchoolAdmin).CanDelete);
        Assert.True(lesson.PermissionsFor(_f.CountyAdmin).CanView);
        Assert.False(lesson.PermissionsFor(_f.CountyAdmin).CanDelete);
        Assert.False(lesson.PermissionsFor(_f.OtherSchoolAdmin).CanView);
        Assert.False(lesson.PermissionsFor(_f.OtherCountyAdmin).CanView);
    }

    [Fact]
    public void Only_the_schools_own_admin_records_and_only_its_own_teachers()
    {
        Assert.IsType<ForbiddenError>(Record(_f.Teacher).Error);
        Assert.IsType<ForbiddenError>(Record(_f.OtherSchoolAdmin).Error);
        Assert.IsType<ForbiddenError>(Record(_f.CountyAdmin).Error);
        Assert.Equal("授课教师须为本校教职工", Field(Record(teacher: Teacher(11)), "TeacherId"));
    }

    [Fact]
    public void A_lesson_needs_notes_or_a_web_link_a_past_date_and_a_room_of_the_school()
    {
        Assert.Contains("活动说明或佐证链接", Field(Record(notes: " ", link: null), "Notes"));
        Assert.Equal("链接须以 http:// 或 https:// 开头", Field(Record(link: "javascript:alert(1)"), "EvidenceLink"));
        Assert.Equal("上课日期不能晚于今天", Field(Record(heldOn: Today.AddDays(1)), "HeldOn"));
        Assert.Contains("天以内", Field(Record(heldOn: Today.AddDays(-DemoLesson.MaxBackdateDays - 1)), "HeldOn"));
        var otherRoom = Classroom.Create(_f.OtherSchoolAdmin, _f.OtherSchool, 2, "实验室", ClassroomKind.Laboratory, null, null, null, null, _f.Clock).Value!;
        Assert.Equal("请选择本校的教室", Field(Record(room: otherRoom), "ClassroomId"));
    }

    private LessonCompetition Open(CompetitionPeriod period = CompetitionPeriod.December) =>
        LessonCompetition.Open(_f.CountyAdmin, 2026, period, "东溪区2026年12月班班通应用学科竞赛", _f.Clock).Value!;

    [Fact]
    public void Only_a_county_admin_opens_a_competition_for_june_or_december()
    {
        Assert.IsType<ForbiddenError>(LessonCompetition.Open(_f.SchoolAdmin, 2026, CompetitionPeriod.June, "竞赛", _f.Clock).Error);
        Assert.IsType<ForbiddenError>(LessonCompetition.Open(_f.CityAdmin, 2026, CompetitionPeriod.June, "竞赛", _f.Clock).Error);
        Assert.Equal("请选择 6 月或 12 月", Field(LessonCompetition.Open(_f.CountyAdmin, 2026, (CompetitionPeriod)7, "竞赛", _f.Clock), "Period"));
        Assert.Contains("年度须为", Field(LessonCompetition.Open(_f.CountyAdmin, 2029, CompetitionPeriod.June, "竞赛", _f.Clock), "Year"));
        var competition = Open(CompetitionPeriod.June);
        Assert.Equal(new DateOnly(2026, 6, 1), competition.Month);
        Assert.Equal(2, competition.CountyId);
    }

    [Fact]
    public void Schools_of_the_county_enter_their_own_teachers_once_and_another_county_does_not_see_it()
    {
        var competition = Open();
        Assert.True(competition.PermissionsFor(_f.SchoolAdmin).CanEnter);
        Assert.False(competition.PermissionsFor(_f.Teacher).CanEnter);
        Assert.False(competition.PermissionsFor(_f.OtherCountyAdmin).CanView);
        Assert.True(competition.PermissionsFor(_f.CityAdmin).CanView);
        Assert.False(competition.PermissionsFor(_f.CityAdmin).CanRecordResults);
        Assert.True(competition.Enter(_f.SchoolAdmin, School, Teacher(), "数学", "分数", _f.Clock).Succeeded);
        Assert.Equal("该教师已报名本次竞赛", Field(competition.Enter(_f.SchoolAdmin, School, Teacher(), "语文", "古诗", _f.Clock), "TeacherId"));
        // Another school's admin cannot enter for this school.
        Assert.IsType<ForbiddenError>(competition.Enter(_f.OtherSchoolAdmin, School, new DemoLessonTeacher("t5", "赵老师", 10), "数学", "x", _f.Clock).Error);
        Assert.Single(competition.EntriesVisibleTo(_f.SchoolAdmin));
        Assert.Empty(competition.EntriesVisibleTo(_f.OtherSchoolAdmin));
    }

    [Fact]
    public void The_county_records_an_award_for_every_entry_and_that_closes_the_entries()
    {
        var competition = Open();
        competition.Enter(_f.SchoolAdmin, School, Teacher(), "数学", "分数", _f.Clock);
        var entry = competition.Entries.Single();
        Assert.IsType<ForbiddenError>(competition.RecordResults(_f.SchoolAdmin, new Dictionary<int, CompetitionAward?> { [entry.Id] = CompetitionAward.First }, _f.Clock).Error);
        Assert.Contains("尚缺 1 个", ((ValidationError)competition.RecordResults(_f.CountyAdmin, new Dictionary<int, CompetitionAward?> { [entry.Id] = null }, _f.Clock).Error!)
            .Fields["Awards"]);
        Assert.False(competition.ResultsRecorded);
        Assert.True(competition.RecordResults(_f.CountyAdmin, new Dictionary<int, CompetitionAward?> { [entry.Id] = CompetitionAward.Second }, _f.Clock).Succeeded);
        Assert.Equal(CompetitionAward.Second, entry.Award);
        Assert.True(competition.ResultsRecorded);
        Assert.False(competition.PermissionsFor(_f.SchoolAdmin).CanEnter);
        Assert.IsType<ConflictError>(competition.Enter(_f.SchoolAdmin, School, new DemoLessonTeacher("t5", "赵老师", 10), "语文", "古诗", _f.Clock).Error);
        Assert.IsType<ConflictError>(competition.Withdraw(_f.SchoolAdmin, entry.Id).Error);
    }
}
