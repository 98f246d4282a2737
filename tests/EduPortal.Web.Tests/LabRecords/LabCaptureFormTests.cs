using Bunit;
using EduPortal.Domain.LabRecords;
using EduPortal.Web.Features.LabRecords;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.LabRecords;

/// <summary>The capture form shows the server's messages next to their fields and offers only what fits the subject and class.</summary>
public sealed class LabCaptureFormTests : MudComponentTest
{
    private static readonly CaptureOptions Options = new(
        [new ClassOption(1, 7, "七年级1班"), new ClassOption(2, 8, "八年级1班"), new ClassOption(3, 9, "九年级2班")],
        [
            new ExperimentOption(11, LabSubject.Physics, 8, "物8-01", "用刻度尺测量长度", LabKind.GroupExperiment),
            new ExperimentOption(12, LabSubject.Physics, 9, "物9-01", "比较不同物质吸热的情况", LabKind.GroupExperiment),
            new ExperimentOption(13, LabSubject.Chemistry, 9, "化9-01", "蜡烛及其燃烧的探究", LabKind.GroupExperiment),
        ]);

    private IRenderedComponent<LabCaptureForm> Render(LabCaptureForm.FormModel model, IReadOnlyDictionary<string, string>? errors = null,
        IReadOnlyList<LabMediaView>? media = null) =>
        Context.Render<LabCaptureForm>(p => p
            .Add(c => c.Model, model)
            .Add(c => c.Options, Options)
            .Add(c => c.Errors, errors ?? new Dictionary<string, string>())
            .Add(c => c.Media, media ?? []));

    [Fact]
    public void The_servers_publish_errors_appear_next_to_their_fields_and_photo_slots()
    {
        var empty = new LabRecordDetails(null, null, null, null, null, null, null, null, null, null);
        var errors = LabRecordRules.ValidateForPublish(empty, [LabMediaSlot.FrontToBack])!.Fields;

        var form = Render(new LabCaptureForm.FormModel(), errors);

        Assert.Contains("请选择学科", form.Markup);
        Assert.Contains("请选择上课班级", form.Markup);
        Assert.Contains("请选择节次", form.Markup);
        Assert.Empty(form.FindAll("[data-testid=slot-error-FrontToBack]"));
        Assert.Contains("教室从后向前全场", form.Find("[data-testid=slot-error-BackToFront]").TextContent);
        Assert.Contains("小组实验的学生和台面仪器特写", form.Find("[data-testid=slot-error-GroupCloseUp]").TextContent);
    }

    [Fact]
    public void The_experiment_list_follows_the_subject_and_the_grade_of_the_class()
    {
        var form = Render(new LabCaptureForm.FormModel { Subject = LabSubject.Physics, ClassId = 3 });
        Assert.Equal([12], form.Instance.Experiments.Select(e => e.Id));

        var chemistry = Render(new LabCaptureForm.FormModel { Subject = LabSubject.Chemistry, ClassId = 2 });
        Assert.Empty(chemistry.Instance.Experiments);
        // No catalogue entry for the subject and grade: the form asks for the lesson's name instead.
        Assert.NotEmpty(chemistry.FindAll("[data-testid=lab-title]"));
    }

    [Fact]
    public void Physics_offers_group_and_demonstration_kinds_and_it_offers_hands_on_practice_only()
    {
        Assert.Equal([LabKind.GroupExperiment, LabKind.Demonstration], Render(new LabCaptureForm.FormModel { Subject = LabSubject.Physics }).Instance.Kinds);
        Assert.Equal([LabKind.HandsOnPractice], Render(new LabCaptureForm.FormModel { Subject = LabSubject.InformationTechnology }).Instance.Kinds);
    }

    [Fact]
    public void Filled_slots_show_their_thumbnail_and_a_replace_button()
    {
        var media = new[] { new LabMediaView(5, LabMediaSlot.FrontToBack, "/labs/media/5", "/labs/media/5?thumb=1", "image/jpeg", null) };
        var form = Render(new LabCaptureForm.FormModel(), media: media);
        Assert.NotNull(form.Find("[data-testid=slot-FrontToBack] img[src='/labs/media/5?thumb=1']"));
        Assert.Equal("更换", form.Find("[data-testid=upload-FrontToBack]").TextContent.Trim());
        Assert.Equal("拍照/选择照片", form.Find("[data-testid=upload-BackToFront]").TextContent.Trim());
    }
}
