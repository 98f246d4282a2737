using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;

namespace EduPortal.Domain.Tests.Smartboards;

public sealed class SmartboardUseTests
{
    private readonly SmartboardFixtures _f = new();

    [Fact]
    public void Subject_coverage_is_used_subjects_over_taught_subjects_and_other_subjects_do_not_count()
    {
        string[] taught = ["语文", "数学", "英语", "科学"];
        var figure = UseFigure.ForSchool(taught, ["语文", "语文", "数学", "物理"], 0, 1, 0);
        Assert.Equal(4, figure.SubjectsTaught);
        Assert.Equal(2, figure.SubjectsUsed);
        Assert.Equal(0.5, figure.SubjectRate);
        Assert.False(figure.MeetsSubjectTarget);
        var full = UseFigure.ForSchool(taught, taught, 0, 1, 0);
        Assert.Equal(1.0, full.SubjectRate);
        Assert.True(full.MeetsSubjectTarget);
    }

    [Fact]
    public void Lesson_coverage_is_recorded_periods_over_the_weekly_plan_times_the_weeks_so_far()
    {
        // Two grade-7 classes: the junior plan is 35 periods a week each; 4 weeks → 280 scheduled periods.
        var weekly = LessonSubjects.WeeklyPeriods([7, 7]);
        Assert.Equal(70, weekly);
        var figure = UseFigure.ForSchool(["语文"], ["语文"], weekly, 4, 70);
        Assert.Equal(280, figure.ScheduledPeriods);
        Assert.Equal(0.25, figure.LessonRate);
        Assert.Equal(1.0, UseFigure.ForSchool(["语文"], [], weekly, 1, 500).LessonRate);
        Assert.Equal(0.0, UseFigure.ForSchool([], [], 0, 1, 5).LessonRate);
    }

    [Fact]
    public void Roll_ups_add_the_counts_not_the_rates()
    {
        var sum = new UseFigure(10, 10, 100, 50) + new UseFigure(14, 7, 300, 50);
        Assert.Equal(new UseFigure(24, 17, 400, 100), sum);
        Assert.Equal(17d / 24, sum.SubjectRate, 6);
        Assert.Equal(0.25, sum.LessonRate);
    }

    [Fact]
    public void Subjects_taught_follow_the_grades_of_the_school_classes()
    {
        var primary = LessonSubjects.TaughtAt(SchoolStage.Primary, [1, 2]);
        Assert.Contains("科学", primary);
        Assert.DoesNotContain("物理", primary);
        var nineYear = LessonSubjects.TaughtAt(SchoolStage.NineYear, [3, 8]);
        Assert.Contains("科学", nineYear);
        Assert.Contains("物理", nineYear);
        Assert.Equal(nineYear.Count, nineYear.Distinct().Count());
        // Without classes on record the school's stage decides.
        Assert.Contains("化学", LessonSubjects.TaughtAt(SchoolStage.Junior, []));
    }

    [Theory]
    [InlineData(2026, 11, 23, 2026, 9, 1, 12)]
    [InlineData(2027, 1, 2, 2026, 9, 1, 18)]
    [InlineData(2027, 2, 10, 2026, 9, 1, 20)]
    [InlineData(2027, 2, 15, 2027, 2, 15, 1)]
    [InlineData(2027, 7, 30, 2027, 2, 15, 20)]
    public void Terms_run_from_september_and_mid_february_and_count_at_most_twenty_weeks(int y, int m, int d, int sy, int sm, int sd, int weeks)
    {
        var day = new DateOnly(y, m, d);
        var term = UseTerm.Of(day);
        Assert.Equal(new DateOnly(sy, sm, sd), term.Start);
        Assert.True(term.Contains(day));
        Assert.Equal(weeks, term.WeeksThrough(day));
    }

    [Fact]
    public void A_teacher_records_lessons_only_in_rooms_of_their_own_school()
    {
        var room = _f.Room();
        var lesson = SmartboardLesson.Record(_f.Teacher, room, "数学", new DateOnly(2026, 11, 20), 2, _f.Clock);
        Assert.True(lesson.Succeeded);
        Assert.Equal("t1", lesson.Value!.TeacherId);
        Assert.Equal(2, lesson.Value.Periods);
        Assert.IsType<ForbiddenError>(SmartboardLesson.Record(_f.OtherSchoolAdmin, room, "数学", new DateOnly(2026, 11, 20), 1, _f.Clock).Error);
        Assert.IsType<ForbiddenError>(SmartboardLesson.Record(_f.CountyAdmin, room, "数学", new DateOnly(2026, 11, 20), 1, _f.Clock).Error);
    }

    [Theory]
    [InlineData("化学课", "2026-11-20", 1, "Subject")]
    [InlineData("数学", "2026-11-24", 1, "TaughtOn")]
    [InlineData("数学", "2025-11-23", 1, "TaughtOn")]
    [InlineData("数学", "2026-11-20", 0, "Periods")]
    [InlineData("数学", "2026-11-20", 9, "Periods")]
    public void Bad_input_is_refused_with_a_message_on_its_field(string subject, string date, int periods, string field)
    {
        var result = SmartboardLesson.Record(_f.Teacher, _f.Room(), subject, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), periods, _f.Clock);
        Assert.Contains(field, Assert.IsType<ValidationError>(result.Error).Fields.Keys);
    }

    [Fact]
    public void The_recorder_and_the_school_admin_may_delete_others_only_view()
    {
        var lesson = SmartboardLesson.Record(_f.Teacher, _f.Room(), "语文", new DateOnly(2026, 11, 20), 1, _f.Clock).Value!;
        Assert.True(lesson.PermissionsFor(_f.Teacher).CanDelete);
        Assert.True(lesson.PermissionsFor(_f.SchoolAdmin).CanDelete);
        Assert.False(lesson.PermissionsFor(_f.HeadTeacher).CanDelete);
        Assert.Equal(new SmartboardLessonPermissions(true, false), lesson.PermissionsFor(_f.CountyAdmin));
        Assert.Equal(SmartboardLessonPermissions.None, lesson.PermissionsFor(_f.OtherSchoolAdmin));
        Assert.Equal(SmartboardLessonPermissions.None, lesson.PermissionsFor(_f.OtherCountyAdmin));
    }

    [Fact]
    public void Only_the_schools_admin_imports_lessons_and_only_for_its_own_teachers_with_the_forms_rule()
    {
        var room = _f.Room();
        var today = ChinaTime.Today(_f.Clock);
        Assert.True(SmartboardLesson.Import(_f.SchoolAdmin, room, "t1", "王老师", 10, "数学", today, 2, _f.Clock).Succeeded);
        Assert.IsType<ForbiddenError>(SmartboardLesson.Import(_f.Teacher, room, "t1", "王老师", 10, "数学", today, 2, _f.Clock).Error);
        Assert.IsType<ForbiddenError>(SmartboardLesson.Import(_f.OtherSchoolAdmin, room, "t1", "王老师", 10, "数学", today, 2, _f.Clock).Error);
        Assert.Equal("授课教师须为本校教职工",
            ((ValidationError)SmartboardLesson.Import(_f.SchoolAdmin, room, "t9", "外校老师", 11, "数学", today, 2, _f.Clock).Error!).Fields["TeacherId"]);
        Assert.Equal("上课日期不能晚于今天",
            ((ValidationError)SmartboardLesson.Import(_f.SchoolAdmin, room, "t1", "王老师", 10, "数学", today.AddDays(1), 2, _f.Clock).Error!).Fields["TaughtOn"]);
    }
}
