using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;
using EduPortal.Web.Features.Surveys;

namespace EduPortal.Web.Tests.Surveys;

/// <summary>Restoring the browser's copy of input typed before a lost connection or a reload.</summary>
public sealed class SurveyFormFieldsTests
{
    private static readonly DateTimeOffset Saved = new(2026, 4, 18, 8, 0, 0, TimeSpan.Zero);

    private static SurveyForm Form() => new SurveyForm { LabLeadName = "王建华", StudentCount = 900 }.Normalized(SurveySubjects.ForStage(SchoolStage.Junior));

    private static string Copy(DateTimeOffset at, string fields) => $"{{\"fields\":{{{fields}}},\"at\":{at.ToUnixTimeMilliseconds()}}}";

    [Fact]
    public void Input_newer_than_the_saved_draft_is_restored()
    {
        var form = Form();
        Assert.True(SurveyFormFields.Restore(form, Copy(Saved.AddMinutes(1), "\"LabLeadName\":\"赵敏\",\"物理.Teachers\":\"7\",\"StudentCount\":\"\""), Saved));
        Assert.Equal("赵敏", form.LabLeadName);
        Assert.Equal(7, form.For("物理")!.Teachers);
        Assert.Null(form.StudentCount);
    }

    [Fact]
    public void A_copy_older_than_the_saved_draft_is_ignored()
    {
        var form = Form();
        Assert.False(SurveyFormFields.Restore(form, Copy(Saved.AddMinutes(-1), "\"LabLeadName\":\"赵敏\""), Saved));
        Assert.Equal("王建华", form.LabLeadName);
    }

    [Fact]
    public void Unknown_fields_and_numbers_that_do_not_parse_change_nothing()
    {
        var form = Form();
        Assert.False(SurveyFormFields.Restore(form, Copy(Saved.AddMinutes(1), "\"StudentCount\":\"九百\",\"科学.Teachers\":\"3\",\"Nope\":\"x\""), Saved));
        Assert.Equal(900, form.StudentCount);
        Assert.False(SurveyFormFields.Restore(form, "not json", null));
        Assert.False(SurveyFormFields.Restore(form, null, null));
    }
}
