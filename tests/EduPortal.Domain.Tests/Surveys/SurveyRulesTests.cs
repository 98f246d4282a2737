using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;

namespace EduPortal.Domain.Tests.Surveys;

public sealed class SurveyRulesTests
{
    public static SurveyForm ValidForm(SchoolStage stage = SchoolStage.Junior) => new SurveyForm
    {
        SchoolName = "东溪区第一初级中学",
        LabLeadName = "王建华",
        LabLeadPhone = "0913-2663755",
        AdminName = "刘冰峰",
        AdminPhone = "13759693597",
        StudentCount = 1200,
        ClassCount = 24,
        Subjects = SurveySubjects.ForStage(stage).Select(s => new SurveySubjectEntry(s) { Teachers = 6, FullTime = 2, LabRooms = 2 }).ToList(),
    };

    [Theory]
    [InlineData(SchoolStage.Primary, new[] { "信息技术", "科学" })]
    [InlineData(SchoolStage.Junior, new[] { "物理", "化学", "生物", "信息技术" })]
    [InlineData(SchoolStage.Senior, new[] { "物理", "化学", "生物", "通用技术", "信息技术" })]
    [InlineData(SchoolStage.NineYear, new[] { "物理", "化学", "生物", "信息技术", "科学" })]
    [InlineData(SchoolStage.Complete, new[] { "物理", "化学", "生物", "通用技术", "信息技术" })]
    [InlineData(SchoolStage.TwelveYear, new[] { "物理", "化学", "生物", "通用技术", "信息技术", "科学" })]
    public void Subject_rows_follow_the_stage_and_combined_stages_get_the_union(SchoolStage stage, string[] expected)
    {
        Assert.Equal(expected, SurveySubjects.ForStage(stage));
    }

    [Fact]
    public void A_complete_form_may_be_submitted()
    {
        Assert.Null(SurveyRules.Validate(ValidForm(), SurveySubjects.ForStage(SchoolStage.Junior)));
    }

    [Fact]
    public void Every_field_of_the_paper_form_is_required_with_its_own_message()
    {
        var subjects = SurveySubjects.ForStage(SchoolStage.Primary);
        var error = SurveyRules.Validate(new SurveyForm().Normalized(subjects), subjects);
        Assert.NotNull(error);
        Assert.Equal("请填写学校名称", error.Fields[nameof(SurveyForm.SchoolName)]);
        Assert.Equal("请填写实验管理负责人", error.Fields[nameof(SurveyForm.LabLeadName)]);
        Assert.Equal("请填写电话", error.Fields[nameof(SurveyForm.LabLeadPhone)]);
        Assert.Equal("请填写管理员姓名", error.Fields[nameof(SurveyForm.AdminName)]);
        Assert.Equal("请填写学生数（没有请填 0）", error.Fields[nameof(SurveyForm.StudentCount)]);
        Assert.Equal("请填写科学任课教师人数（没有请填 0）", error.Fields[SurveyRules.TeachersField("科学")]);
        Assert.Equal("请填写信息技术实验室数（没有请填 0）", error.Fields[SurveyRules.LabRoomsField("信息技术")]);
        Assert.False(error.Fields.ContainsKey(SurveyRules.TeachersField("物理")));
    }

    [Fact]
    public void Counts_are_non_negative_and_bounded()
    {
        var form = ValidForm();
        form.StudentCount = -1;
        form.ClassCount = SurveyRules.MaxClasses + 1;
        form.For("物理")!.LabRooms = SurveyRules.MaxLabRoomsPerSubject + 1;
        var error = SurveyRules.Validate(form, SurveySubjects.ForStage(SchoolStage.Junior))!;
        Assert.Equal("学生数不能为负数", error.Fields[nameof(SurveyForm.StudentCount)]);
        Assert.Equal("班数超出合理范围（不超过 2000）", error.Fields[nameof(SurveyForm.ClassCount)]);
        Assert.Equal("物理实验室数超出合理范围（不超过 100）", error.Fields[SurveyRules.LabRoomsField("物理")]);
    }

    [Fact]
    public void Full_time_teachers_cannot_outnumber_the_subjects_teachers()
    {
        var form = ValidForm();
        form.For("化学")!.FullTime = 7;
        var error = SurveyRules.Validate(form, SurveySubjects.ForStage(SchoolStage.Junior))!;
        Assert.Equal("化学专职人数不能多于任课教师人数", Assert.Single(error.Fields).Value);
    }

    [Theory]
    [InlineData("0913-2663755", true)]
    [InlineData("09132663755", true)]
    [InlineData("13759693597", true)]
    [InlineData("2663755", false)] // no area code
    [InlineData("1375969359", false)]
    [InlineData("abc", false)]
    public void Phones_are_mainland_mobiles_or_area_code_landlines(string phone, bool valid)
    {
        var form = ValidForm();
        form.LabLeadPhone = phone;
        form.AdminPhone = phone;
        var error = SurveyRules.Validate(form, SurveySubjects.ForStage(SchoolStage.Junior));
        Assert.Equal(valid, error is null);
        if (!valid)
        {
            Assert.Equal(SurveyRules.PhoneMessage, error!.Fields[nameof(SurveyForm.LabLeadPhone)]);
            Assert.Equal(SurveyRules.PhoneMessage, error.Fields[nameof(SurveyForm.AdminPhone)]);
        }
    }

    [Fact]
    public void A_subject_with_labs_but_no_teachers_is_allowed_but_flagged_for_the_reviewer()
    {
        var form = ValidForm();
        form.For("生物")!.Teachers = 0;
        form.For("生物")!.FullTime = 0;
        Assert.Null(SurveyRules.Validate(form, SurveySubjects.ForStage(SchoolStage.Junior)));
        Assert.Equal(["生物有 2 个实验室但没有任课教师"], SurveyRules.ReviewFlags(form));
    }

    [Theory]
    // Classes: more than 20% and more than 2 classes away from the registered count.
    [InlineData(20, 24, 2, false)] // 4 classes but exactly 20%
    [InlineData(20, 25, 2, true)]  // 5 classes, 25%
    [InlineData(20, 15, 2, true)]
    [InlineData(5, 7, 2, false)]   // 40% but only 2 classes
    [InlineData(5, 8, 2, true)]
    [InlineData(0, 3, 2, true)]    // nothing registered yet
    [InlineData(0, 2, 2, false)]
    // Students: more than 20% and more than 50 students away.
    [InlineData(1000, 1200, 50, false)]
    [InlineData(1000, 1201, 50, true)]
    [InlineData(100, 150, 50, false)] // 50% but only 50 students
    [InlineData(100, 151, 50, true)]
    public void A_count_is_far_from_the_registered_one_beyond_a_fifth_and_the_minimum_difference(int registered, int reported, int minimum, bool far)
    {
        Assert.Equal(far, SurveyRules.IsFarFrom(reported, registered, minimum));
    }

    [Fact]
    public void Class_and_student_counts_far_from_the_registered_ones_are_flagged_for_review_with_both_figures()
    {
        var form = ValidForm();
        form.StudentCount = 1600;
        form.ClassCount = 12;
        Assert.Equal(["学生数 1,600 与学校登记的 1,200 人相差较大", "班数 12 与学校登记的 24 个班级相差较大"],
            SurveyRules.ReviewFlags(form, new RegisteredFigures(1200, 24)));
        form.StudentCount = 1230;
        form.ClassCount = 23;
        Assert.Empty(SurveyRules.ReviewFlags(form, new RegisteredFigures(1200, 24)));
    }

    [Fact]
    public void A_draft_shows_mistakes_but_not_missing_answers()
    {
        var subjects = SurveySubjects.ForStage(SchoolStage.Primary);
        var form = new SurveyForm { LabLeadPhone = "12345" }.Normalized(subjects);
        form.For("科学")!.Teachers = -2;
        var messages = SurveyRules.DraftMessages(form, subjects);
        Assert.Equal(2, messages.Count);
        Assert.Equal(SurveyRules.PhoneMessage, messages[nameof(SurveyForm.LabLeadPhone)]);
        Assert.Equal("科学任课教师人数不能为负数", messages[SurveyRules.TeachersField("科学")]);
    }

    [Theory]
    [InlineData(45, 50, "90.0%")]
    [InlineData(7, 8, "87.5%")]
    [InlineData(3, 0, "—")]
    [InlineData(0, 0, "—")]
    public void Registration_rate_is_registered_over_surveyed_and_a_dash_without_a_denominator(int registered, int surveyed, string shown)
    {
        Assert.Equal(shown, RegistrationRate.Format(RegistrationRate.Of(registered, surveyed)));
    }

    [Fact]
    public void Only_teachers_of_a_surveyed_subject_count_as_registered()
    {
        var surveyed = SurveySubjects.ForStage(SchoolStage.Primary).ToList();
        Assert.True(RegistrationRate.TeachesSurveyedSubject(["语文", "科学"], surveyed));
        Assert.False(RegistrationRate.TeachesSurveyedSubject(["物理"], surveyed));
    }

    [Fact]
    public void Changes_between_versions_are_listed_in_words()
    {
        var before = ValidForm();
        var after = ValidForm();
        after.StudentCount = 1250;
        after.For("物理")!.Teachers = 7;
        Assert.Equal(["学生数：1200 → 1250", "物理任课教师：6 → 7"], SurveyChanges.Between(before, after));
    }
}
