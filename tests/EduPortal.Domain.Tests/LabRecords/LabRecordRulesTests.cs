using EduPortal.Domain.Common;
using EduPortal.Domain.LabRecords;

namespace EduPortal.Domain.Tests.LabRecords;

/// <summary>Field rules of the capture form, coverage (开出率), terms and the inactivity rule.</summary>
public sealed class LabRecordRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly LabExperiment Mirror = new(1, "/1/", LabSubject.Physics, 8, "物8-08", "探究平面镜成像的特点", LabKind.GroupExperiment);

    private static LabDetailsFacts Facts(LabExperiment? experiment = null, bool catalogue = true, int? grade = 8) => new(Today, experiment ?? Mirror, catalogue, grade);

    private static LabRecordDetails Details(LabSubject? subject = LabSubject.Physics, LabKind? kind = LabKind.GroupExperiment, int? experimentId = 1,
        string? title = null, int? classId = 3, DateOnly? date = null, int? period = 2, string? notes = null) =>
        new(subject, kind, experimentId, title, classId, null, null, date ?? Today, period, notes);

    private static IReadOnlyDictionary<string, string> Errors(LabRecordDetails details, LabDetailsFacts facts, bool forPublish = true) =>
        LabRecordRules.ValidateDetails(details, facts, forPublish)?.Fields ?? new Dictionary<string, string>();

    [Fact]
    public void Complete_details_pass()
    {
        Assert.Empty(Errors(Details(), Facts()));
    }

    [Fact]
    public void A_draft_may_leave_fields_empty_but_publishing_may_not()
    {
        var empty = new LabRecordDetails(null, null, null, null, null, null, null, null, null, null);
        Assert.Empty(Errors(empty, Facts(catalogue: false), forPublish: false));
        Assert.Equal(["ClassId", "Kind", "LessonDate", "Period", "Subject", "Title"], Errors(empty, Facts(catalogue: false)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_lesson_date_cannot_be_in_the_future_or_older_than_the_limit()
    {
        Assert.Equal("上课日期不能晚于今天", Errors(Details(date: Today.AddDays(1)), Facts())["LessonDate"]);
        Assert.Contains("180 天以内", Errors(Details(date: Today.AddDays(-181)), Facts())["LessonDate"]);
        Assert.Empty(Errors(Details(date: Today.AddDays(-180)), Facts()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void The_period_is_between_one_and_ten(int period)
    {
        Assert.Contains("第 1 至第 10 节", Errors(Details(period: period), Facts())["Period"]);
    }

    [Fact]
    public void Physics_lessons_cannot_be_hands_on_practice_and_it_lessons_are_nothing_else()
    {
        Assert.Contains("不能选择", Errors(Details(kind: LabKind.HandsOnPractice), Facts())["Kind"]);
        Assert.Equal([LabKind.HandsOnPractice], LabSubjects.KindsFor(LabSubject.InformationTechnology));
    }

    [Fact]
    public void A_class_of_another_school_is_refused()
    {
        Assert.Equal("该班级不属于您的学校", Errors(Details(), Facts(grade: null))["ClassId"]);
    }

    [Fact]
    public void A_grade_without_the_subject_is_refused()
    {
        Assert.Contains("七年级不开设物理课", Errors(Details(), Facts(grade: 7))["ClassId"]);
    }

    [Fact]
    public void The_experiment_must_match_subject_and_grade_and_be_active()
    {
        Assert.Contains("与学科不符", Errors(Details(subject: LabSubject.Chemistry), Facts(grade: 9))["ExperimentId"]);
        Assert.Contains("与班级年级不符", Errors(Details(), Facts(grade: 9))["ExperimentId"]);
        var retired = new LabExperiment(1, "/1/", LabSubject.Physics, 8, "物8-99", "旧实验", LabKind.GroupExperiment);
        retired.Update("物8-99", "旧实验", LabKind.GroupExperiment, active: false);
        Assert.Contains("不在本校适用的实验目录中", Errors(Details(), Facts(retired))["ExperimentId"]);
    }

    [Fact]
    public void When_the_catalogue_lists_the_grade_the_experiment_must_come_from_it()
    {
        Assert.Equal("请从实验目录中选择实验", Errors(Details(experimentId: null, title: "自拟实验"), Facts())["ExperimentId"]);
    }

    [Fact]
    public void When_the_catalogue_is_empty_for_the_grade_a_named_lesson_is_enough()
    {
        var it = Details(LabSubject.InformationTechnology, LabKind.HandsOnPractice, experimentId: null, title: "用 Python 绘制统计图");
        Assert.Empty(Errors(it, Facts(catalogue: false)));
        Assert.Contains("请填写实验名称", Errors(it with { Title = "" }, Facts(catalogue: false))["Title"]);
    }

    [Fact]
    public void The_experiment_name_message_says_whether_the_subject_or_the_class_is_missing()
    {
        var blank = new LabRecordDetails(null, null, null, null, null, null, null, null, null, null);
        Assert.Equal("请先选择学科", Errors(blank, Facts(catalogue: false) with { ClassGrade = null })["Title"]);
        var subjectOnly = blank with { Subject = LabSubject.Physics };
        Assert.Equal("请先选择上课班级", Errors(subjectOnly, Facts(catalogue: false) with { ClassGrade = null })["Title"]);
        Assert.DoesNotContain("ExperimentId", Errors(blank, Facts(catalogue: false) with { ClassGrade = null }).Keys);
    }

    [Theory]
    [InlineData(LabSubject.InformationTechnology, false)]
    [InlineData(LabSubject.GeneralTechnology, false)]
    [InlineData(LabSubject.Physics, true)]
    [InlineData(LabSubject.Science, true)]
    public void Information_and_general_technology_ship_closed_for_recording(LabSubject subject, bool open)
    {
        // circular 000 §二.3: 通用技术、信息技术教师待实验目录完善后开展记录工作.
        Assert.Equal(open, subject.OpenByDefault());
        Assert.Equal(open, LabSubjectOpenings.IsOpenFor(subject, "/1/1/5/", []));
    }

    [Fact]
    public void A_closed_subject_is_refused_with_the_circulars_words_even_for_a_draft()
    {
        var it = Details(LabSubject.InformationTechnology, LabKind.HandsOnPractice, experimentId: null, title: "用 Python 绘制统计图");
        var message = Errors(it, Facts(catalogue: false) with { SubjectOpen = false }, forPublish: false)["Subject"];
        Assert.Contains("信息技术学科暂未开放记录", message);
        Assert.Contains("通用技术、信息技术教师待实验目录完善后开展记录工作", message);
    }

    [Fact]
    public void The_nearest_units_switch_decides_and_opening_needs_catalogue_entries()
    {
        var clock = DateTimeOffset.UnixEpoch;
        var city = new LabSubjectOpening(1, "/1/", LabSubject.InformationTechnology);
        var county = new LabSubjectOpening(2, "/1/1/", LabSubject.InformationTechnology);
        Assert.False(city.Open);
        Assert.Contains("请先在目录中添加实验", city.Set(true, 0, "吴市管", clock).Error!.Message);
        Assert.False(city.Open);
        Assert.True(county.Set(true, 3, "孙县管", clock).Succeeded);
        Assert.True(LabSubjectOpenings.IsOpenFor(LabSubject.InformationTechnology, "/1/1/5/", [city, county]));
        Assert.False(LabSubjectOpenings.IsOpenFor(LabSubject.InformationTechnology, "/1/2/7/", [city, county]));
        Assert.True(city.Set(true, 12, "吴市管", clock).Succeeded);
        Assert.True(county.Set(false, 3, "孙县管", clock).Succeeded);
        Assert.False(LabSubjectOpenings.IsOpenFor(LabSubject.InformationTechnology, "/1/1/5/", [city, county]));
        Assert.True(LabSubjectOpenings.IsOpenFor(LabSubject.InformationTechnology, "/1/2/7/", [city, county]));
    }

    [Fact]
    public void Coverage_counts_each_catalogue_experiment_once_per_subject_and_grade()
    {
        var catalogue = new[]
        {
            Entry(1, LabSubject.Physics, 8), Entry(2, LabSubject.Physics, 8), Entry(3, LabSubject.Physics, 8), Entry(4, LabSubject.Physics, 8),
            Entry(5, LabSubject.Physics, 9), Entry(6, LabSubject.Chemistry, 9), Entry(7, LabSubject.Science, 5),
        };
        var cells = LabCoverage.Compute(catalogue, [1, 1, 3, 6], schoolGrades: [7, 8, 9]);
        Assert.Equal([
            new CoverageCell(LabSubject.Physics, 8, 4, 2),
            new CoverageCell(LabSubject.Physics, 9, 1, 0),
            new CoverageCell(LabSubject.Chemistry, 9, 1, 1),
        ], cells);
        Assert.Equal(0.5, cells[0].Rate);
    }

    [Fact]
    public void Retired_catalogue_entries_do_not_count_in_coverage()
    {
        var retired = Entry(2, LabSubject.Physics, 8);
        retired.Update("x", "x", LabKind.GroupExperiment, active: false);
        var cells = LabCoverage.Compute([Entry(1, LabSubject.Physics, 8), retired], [1], [8]);
        Assert.Equal(1.0, Assert.Single(cells).Rate);
    }

    [Fact]
    public void Schools_without_a_lesson_in_the_last_n_weeks_are_inactive()
    {
        var schools = new (int, DateOnly?)[] { (1, Today), (2, Today.AddDays(-13)), (3, Today.AddDays(-14)), (4, null) };
        Assert.Equal([3, 4], LabCoverage.InactiveSchools(schools, Today, weeks: 2));
        Assert.Equal([4], LabCoverage.InactiveSchools(schools, Today, weeks: 3));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-08-01", "2027-01-31", "2026-2027学年第一学期")]
    [InlineData("2027-01-15", "2026-08-01", "2027-01-31", "2026-2027学年第一学期")]
    [InlineData("2027-03-01", "2027-02-01", "2027-07-31", "2026-2027学年第二学期")]
    public void Terms_run_august_to_january_and_february_to_july(string date, string start, string end, string name)
    {
        var term = SchoolTerm.Containing(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), term.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), term.End);
        Assert.Equal(name, term.Name);
    }

    [Fact]
    public void Weeks_start_on_monday()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), Weeks.MondayOf(new DateOnly(2026, 11, 29)));
        Assert.Equal(new DateOnly(2026, 11, 23), Weeks.MondayOf(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void The_default_catalogue_has_a_few_dozen_entries_for_each_required_subject_with_unique_codes()
    {
        var rows = DefaultLabCatalogue.Rows;
        Assert.True(rows.Count(r => r.Subject == LabSubject.Physics && r.Grade <= 9) >= 30);
        Assert.True(rows.Count(r => r.Subject == LabSubject.Chemistry && r.Grade <= 9) >= 20);
        Assert.True(rows.Count(r => r.Subject == LabSubject.Biology && r.Grade <= 9) >= 25);
        Assert.True(rows.Count(r => r.Subject == LabSubject.Science) >= 30);
        Assert.Equal(rows.Count, rows.Select(r => r.Code).Distinct().Count());
        Assert.All(rows, r => Assert.True(r.Subject.IsTaughtIn(r.Grade), r.Code));
    }

    [Fact]
    public void The_video_message_names_the_duration_and_the_limit()
    {
        Assert.Equal("视频时长 12.5 秒，超过 10 秒的上限，请剪短后再上传", MediaMessages.VideoTooLong(TimeSpan.FromSeconds(12.5), TimeSpan.FromSeconds(10)));
    }

    private static LabExperiment Entry(int id, LabSubject subject, int grade)
    {
        var entry = new LabExperiment(1, "/1/", subject, grade, $"c{id}", $"实验{id}", LabKind.GroupExperiment);
        typeof(LabExperiment).GetProperty(nameof(LabExperiment.Id))!.SetValue(entry, id);
        return entry;
    }
}
