using Bunit;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.Surveys;

/// <summary>The form component: subject rows follow the stage, and each field shows its own message.</summary>
public sealed class SurveyFormEditorTests : MudComponentTest
{
    private IRenderedComponent<SurveyFormEditor> Render(SurveyForm form, IReadOnlyDictionary<string, string>? errors = null,
        Action<string>? changed = null, bool readOnly = false, Dictionary<string, string>? invalid = null) =>
        Context.Render<SurveyFormEditor>(p => p
            .Add(c => c.Form, form)
            .Add(c => c.ReadOnly, readOnly)
            .Add(c => c.Errors, errors ?? new Dictionary<string, string>())
            .Add(c => c.InvalidNumbers, invalid ?? new Dictionary<string, string>())
            .Add(c => c.OnChanged, field => changed?.Invoke(field)));

    private static IReadOnlyList<string> RowSubjects(IRenderedComponent<SurveyFormEditor> editor) =>
        editor.FindAll("[data-testid=subject-row]").Select(r => r.GetAttribute("data-subject")!).ToList();

    [Theory]
    [InlineData(SchoolStage.Primary, new[] { "信息技术", "科学" })]
    [InlineData(SchoolStage.Junior, new[] { "物理", "化学", "生物", "信息技术" })]
    [InlineData(SchoolStage.Senior, new[] { "物理", "化学", "生物", "通用技术", "信息技术" })]
    [InlineData(SchoolStage.NineYear, new[] { "物理", "化学", "生物", "信息技术", "科学" })]
    public void The_subject_rows_shown_follow_the_school_stage(SchoolStage stage, string[] expected)
    {
        var subjects = SurveySubjects.ForStage(stage);
        var editor = Render(new SurveyForm { SchoolName = "测试学校" }.Normalized(subjects));
        Assert.Equal(expected, RowSubjects(editor));
        Assert.Equal(expected.Length * 3, editor.FindAll("[data-subject] input").Count);
    }

    [Fact]
    public void Each_invalid_field_shows_its_message_next_to_it()
    {
        var subjects = SurveySubjects.ForStage(SchoolStage.Junior);
        var form = new SurveyForm { SchoolName = "东溪区第一初级中学", LabLeadPhone = "2663755", StudentCount = -5 }.Normalized(subjects);
        form.For("物理")!.Teachers = 2;
        form.For("物理")!.FullTime = 3;
        var errors = SurveyRules.Validate(form, subjects)!.Fields;
        var editor = Render(form, errors);

        string MessageNear(string field) =>
            editor.Find($"[data-testid='field-{field}']").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";
        Assert.Equal(SurveyRules.PhoneMessage, MessageNear(nameof(SurveyForm.LabLeadPhone)));
        Assert.Equal("学生数不能为负数", MessageNear(nameof(SurveyForm.StudentCount)));
        Assert.Equal("物理专职人数不能多于任课教师人数", MessageNear(SurveyRules.FullTimeField("物理")));
        Assert.Equal("请填写化学任课教师人数（没有请填 0）", MessageNear(SurveyRules.TeachersField("化学")));
        Assert.Equal("", MessageNear(nameof(SurveyForm.SchoolName)));
    }

    [Fact]
    public async Task Typing_a_number_updates_the_form_and_asks_the_page_to_save()
    {
        var subjects = SurveySubjects.ForStage(SchoolStage.Primary);
        var form = new SurveyForm().Normalized(subjects);
        var changed = new List<string>();
        var editor = Render(form, changed: changed.Add);

        await editor.InvokeAsync(() => editor.Find($"[data-testid='field-{SurveyRules.TeachersField("科学")}']").Input("7"));
        editor.WaitForAssertion(() => Assert.Equal(7, form.For("科学")!.Teachers), TimeSpan.FromSeconds(3));
        Assert.Contains(SurveyRules.TeachersField("科学"), changed);
    }

    [Fact]
    public async Task Letters_typed_into_a_number_are_refused_next_to_the_field_and_the_form_keeps_its_number()
    {
        var subjects = SurveySubjects.ForStage(SchoolStage.Primary);
        var form = new SurveyForm().Normalized(subjects);
        form.For("科学")!.Teachers = 5;
        var invalid = new Dictionary<string, string>();
        var editor = Render(form, invalid: invalid);
        var field = SurveyRules.TeachersField("科学");

        await editor.InvokeAsync(() => editor.Find($"[data-testid='field-{field}']").Input("2abc"));

        editor.WaitForAssertion(() => Assert.Equal(WholeNumbers.NotANumberMessage,
            editor.Find($"[data-testid='field-{field}']").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim()),
            TimeSpan.FromSeconds(3));
        Assert.Equal("2abc", editor.Find($"[data-testid='field-{field}']").GetAttribute("value"));
        Assert.Equal(5, form.For("科学")!.Teachers);
        Assert.Equal(WholeNumbers.NotANumberMessage, invalid[field]);

        await editor.InvokeAsync(() => editor.Find($"[data-testid='field-{field}']").Input("2"));
        editor.WaitForAssertion(() => Assert.Equal(2, form.For("科学")!.Teachers), TimeSpan.FromSeconds(3));
        Assert.Empty(invalid);
    }

    [Fact]
    public void A_locked_form_is_read_only()
    {
        var subjects = SurveySubjects.ForStage(SchoolStage.Primary);
        var editor = Render(new SurveyForm().Normalized(subjects), readOnly: true);
        Assert.All(editor.FindAll("input"), input => Assert.True(input.HasAttribute("readonly")));
    }
}
