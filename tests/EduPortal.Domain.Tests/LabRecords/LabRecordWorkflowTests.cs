using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.LabRecords;
using Microsoft.Extensions.Time.Testing;
using static EduPortal.Domain.Tests.LabRecords.LabRecordScenario;

namespace EduPortal.Domain.Tests.LabRecords;

/// <summary>The publishing workflow of circular 000 §三, transition by transition.</summary>
public sealed class LabRecordWorkflowTests
{
    private readonly LabRecordScenario _scenario = new();

    private FakeTimeProvider Clock => _scenario.Clock;

    private LabRecord Draft(bool withPhotos = true) => _scenario.Draft(withPhotos);

    private LabRecord Published() => _scenario.Published();

    private LabRecord Reported() => _scenario.Reported();

    [Fact]
    public void A_new_record_is_an_unpublished_draft()
    {
        var record = Draft();
        Assert.Equal(LabRecordState.Draft, record.State);
        Assert.False(record.Shown);
    }

    [Fact]
    public void A_teacher_with_an_unpublished_record_cannot_start_another()
    {
        var result = LabRecord.StartDraft(Teacher, 2, teacherHasUnpublished: true, Clock);
        Assert.IsType<ConflictError>(result.Error);
    }

    [Fact]
    public void Only_school_staff_can_start_a_record()
    {
        Assert.IsType<ForbiddenError>(LabRecord.StartDraft(CountyAdmin, 2, false, Clock).Error);
    }

    [Fact]
    public void Publishing_is_self_review_shown_at_once_with_an_empty_reviewer()
    {
        var record = Published();
        Assert.Equal(LabRecordState.SelfPublished, record.State);
        Assert.True(record.Shown);
        Assert.Null(record.ReviewerName);
        Assert.Equal(Clock.GetUtcNow(), record.PublishedAt);
    }

    [Fact]
    public void Publishing_needs_the_three_named_photos_each_missing_one_named()
    {
        var record = Draft(withPhotos: false);
        record.AttachMedia(Teacher, LabMediaSlot.FrontToBack, "k1", null, "image/jpeg", 1, null, Clock);
        var error = Assert.IsType<ValidationError>(record.Publish(Teacher, Clock).Error);
        Assert.False(error.Fields.ContainsKey(nameof(LabMediaSlot.FrontToBack)));
        Assert.Contains("教室从后向前全场", error.Fields[nameof(LabMediaSlot.BackToFront)]);
        Assert.Contains("小组实验的学生和台面仪器特写", error.Fields[nameof(LabMediaSlot.GroupCloseUp)]);
        Assert.Equal(LabRecordState.Draft, record.State);
    }

    [Fact]
    public void Publishing_needs_every_field()
    {
        var record = LabRecord.StartDraft(Teacher, 2, false, Clock).Value!;
        foreach (var slot in LabMediaSlots.Required)
        {
            record.AttachMedia(Teacher, slot, "k" + slot, null, "image/jpeg", 1, null, Clock);
        }
        var error = Assert.IsType<ValidationError>(record.Publish(Teacher, Clock).Error);
        Assert.Equal(["ClassId", "ExperimentId", "Kind", "LessonDate", "Period", "Subject"], error.Fields.Keys.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Extra_photos_fill_two_more_slots_and_replacing_a_slot_returns_the_old_file()
    {
        var record = Draft();
        record.AttachMedia(Teacher, LabMediaSlot.Extra1, "e1", null, "image/jpeg", 1, null, Clock);
        record.AttachMedia(Teacher, LabMediaSlot.Extra2, "e2", null, "image/jpeg", 1, null, Clock);
        var replaced = record.AttachMedia(Teacher, LabMediaSlot.Extra2, "e3", null, "image/jpeg", 1, null, Clock);
        Assert.Equal("e2", replaced.Value!.FileKey);
        Assert.Equal(LabMediaSlots.MaxPhotos, record.Media.Count(m => m.Slot.IsPhoto()));
        Assert.True(record.Publish(Teacher, Clock).Succeeded);
    }

    [Theory]
    [InlineData(10.0, true)]
    [InlineData(10.4, false)]
    [InlineData(30.0, false)]
    public void A_video_may_last_at_most_ten_seconds(double seconds, bool accepted)
    {
        var record = Draft();
        var result = record.AttachMedia(Teacher, LabMediaSlot.Video, "v", null, "video/mp4", 1, seconds, Clock);
        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.Contains("超过 10 秒", Assert.IsType<ValidationError>(result.Error).Fields["Video"]);
        }
    }

    [Fact]
    public void A_video_without_a_readable_duration_is_refused()
    {
        var result = Draft().AttachMedia(Teacher, LabMediaSlot.Video, "v", null, "video/mp4", 1, null, Clock);
        Assert.Contains("无法读取视频时长", result.Error!.Message);
    }

    [Fact]
    public void A_published_record_cannot_be_edited_or_have_its_photos_changed()
    {
        var record = Published();
        Assert.IsType<ConflictError>(record.UpdateDetails(Teacher, Complete, Clock).Error);
        Assert.IsType<ConflictError>(record.AttachMedia(Teacher, LabMediaSlot.Extra1, "x", null, "image/jpeg", 1, null, Clock).Error);
        Assert.IsType<ConflictError>(record.RemoveMedia(Teacher, LabMediaSlot.FrontToBack, Clock).Error);
    }

    [Fact]
    public void Only_its_teacher_edits_a_draft()
    {
        Assert.IsType<NotFoundError>(Draft().UpdateDetails(Colleague, Complete, Clock).Error);
    }

    [Fact]
    public void Anyone_may_report_a_self_published_record_with_a_reason_and_it_stops_showing()
    {
        var record = Reported();
        Assert.Equal(LabRecordState.Reported, record.State);
        Assert.False(record.Shown);
        Assert.Equal("李老师", record.ReportedByName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("差")]
    public void A_report_needs_a_reason(string? reason)
    {
        var record = Published();
        var error = Assert.IsType<ValidationError>(record.Report(Colleague, reason, Clock).Error);
        Assert.Contains("举报理由", error.Fields["Reason"]);
        Assert.Equal(LabRecordState.SelfPublished, record.State);
    }

    [Fact]
    public void A_teacher_cannot_report_their_own_record()
    {
        Assert.IsType<ForbiddenError>(Published().Report(Teacher, "测试一下", Clock).Error);
    }

    [Fact]
    public void A_reported_record_cannot_be_reported_again()
    {
        Assert.IsType<ConflictError>(Reported().Report(SchoolAdmin, "再次举报", Clock).Error);
    }

    [Fact]
    public void A_draft_cannot_be_reported()
    {
        Assert.IsType<NotFoundError>(Draft().Report(Colleague, "举报草稿", Clock).Error);
    }

    [Fact]
    public void An_admin_over_the_school_passes_a_reported_record_and_becomes_its_reviewer()
    {
        var record = Reported();
        Assert.True(record.Approve(SchoolAdmin, null, Clock).Succeeded);
        Assert.Equal(LabRecordState.Approved, record.State);
        Assert.True(record.Shown);
        Assert.Equal("赵校管", record.ReviewerName);
        Assert.Equal(AdminLevel.School, record.ReviewerLevel);
    }

    [Fact]
    public void An_approved_record_can_no_longer_be_reported()
    {
        var record = Reported();
        record.Approve(CountyAdmin, "属实", Clock);
        Assert.IsType<ConflictError>(record.Report(Colleague, "再次举报", Clock).Error);
        Assert.Equal(LabRecordState.Approved, record.State);
    }

    [Fact]
    public void A_teacher_cannot_review()
    {
        var record = Reported();
        Assert.IsType<ForbiddenError>(record.Approve(Colleague, null, Clock).Error);
        Assert.IsType<ForbiddenError>(record.Return(Colleague, "不合格", Clock).Error);
        Assert.Equal(LabRecordState.Reported, record.State);
    }

    [Fact]
    public void An_admin_outside_the_subtree_cannot_review()
    {
        var record = Reported();
        Assert.IsType<NotFoundError>(record.Approve(OtherSchoolAdmin, null, Clock).Error);
        Assert.IsType<NotFoundError>(record.Return(OtherCountyAdmin, "不合格", Clock).Error);
        Assert.Equal(LabRecordState.Reported, record.State);
    }

    [Fact]
    public void Only_a_reported_record_can_be_reviewed()
    {
        Assert.IsType<ConflictError>(Published().Approve(SchoolAdmin, null, Clock).Error);
        Assert.IsType<ConflictError>(Draft().Return(SchoolAdmin, "不合格", Clock).Error);
    }

    [Fact]
    public void The_second_decision_on_a_record_is_refused_as_already_handled()
    {
        var record = Reported();
        Assert.True(record.Return(CountyAdmin, "照片不清楚", Clock).Succeeded);
        var second = record.Approve(SchoolAdmin, null, Clock);
        Assert.Contains("已被其他管理员处理", second.Error!.Message);
        Assert.Equal(LabRecordState.Returned, record.State);
    }

    [Fact]
    public void A_returned_record_can_never_be_published_again()
    {
        var record = Reported();
        Assert.True(record.Return(SchoolAdmin, "照片不清楚", Clock).Succeeded);
        Assert.False(record.Shown);
        var publish = record.Publish(Teacher, Clock);
        Assert.Contains("不能再发布", publish.Error!.Message);
        Assert.IsType<ConflictError>(record.Withdraw(Teacher, false, Clock).Error);
        Assert.True(record.CheckCanDelete(Teacher).Succeeded);
        Assert.Equal(LabRecordState.Returned, record.State);
    }

    [Fact]
    public void A_return_needs_a_reason()
    {
        var error = Assert.IsType<ValidationError>(Reported().Return(SchoolAdmin, "", Clock).Error);
        Assert.Contains("退回理由", error.Fields["Comment"]);
    }

    [Fact]
    public void A_teacher_withdraws_a_published_record_and_publishes_it_again_as_self_review()
    {
        var record = Reported();
        record.Approve(SchoolAdmin, null, Clock);
        Assert.True(record.Withdraw(Teacher, teacherHasOtherUnpublished: false, Clock).Succeeded);
        Assert.Equal(LabRecordState.Draft, record.State);
        Assert.Null(record.ReviewerName);
        Assert.True(record.Publish(Teacher, Clock).Succeeded);
        Assert.Equal(LabRecordState.SelfPublished, record.State);
        Assert.Null(record.ReviewerName);
    }

    [Fact]
    public void Withdrawing_is_refused_while_another_record_is_unpublished()
    {
        var record = Published();
        Assert.IsType<ConflictError>(record.Withdraw(Teacher, teacherHasOtherUnpublished: true, Clock).Error);
        Assert.Equal(LabRecordState.SelfPublished, record.State);
    }

    [Fact]
    public void A_reported_record_cannot_be_withdrawn_and_others_cannot_withdraw()
    {
        Assert.Contains("等待管理员审核", Reported().Withdraw(Teacher, false, Clock).Error!.Message);
        Assert.IsType<ForbiddenError>(Published().Withdraw(Colleague, false, Clock).Error);
    }

    [Fact]
    public void The_reviewer_or_a_higher_admin_revokes_a_review_and_the_record_returns_to_the_queue()
    {
        var record = Reported();
        record.Approve(SchoolAdmin, null, Clock);
        Assert.True(record.RevokeReview(CountyAdmin, "审核有误", Clock).Succeeded);
        Assert.Equal(LabRecordState.Reported, record.State);
        Assert.Null(record.ReviewerName);
        Assert.False(record.Shown);

        record.Return(CountyAdmin, "照片不清楚", Clock);
        Assert.True(record.RevokeReview(CountyAdmin, "自己撤消", Clock).Succeeded);
    }

    [Fact]
    public void Any_admin_over_the_school_revokes_a_review_even_one_made_at_a_higher_level()
    {
        // circular 000 §三.3: "审核后的信息只能由各级管理员撤消审核" — every level, not only the reviewer or above.
        var record = Reported();
        record.Approve(CountyAdmin, null, Clock);
        Assert.True(record.RevokeReview(SchoolAdmin, "不同意县级意见", Clock).Succeeded);
        Assert.Equal(LabRecordState.Reported, record.State);

        record.Return(CityAdmin, "照片不清楚", Clock);
        Assert.True(record.RevokeReview(SchoolAdmin, "已补充说明", Clock).Succeeded);
        Assert.Equal(LabRecordState.Reported, record.State);
    }

    [Fact]
    public void Teachers_admins_outside_the_school_and_the_records_own_teacher_cannot_revoke()
    {
        var record = Reported();
        record.Approve(CountyAdmin, null, Clock);
        Assert.IsType<ForbiddenError>(record.RevokeReview(Teacher, "不同意", Clock).Error);
        Assert.IsType<NotFoundError>(record.RevokeReview(OtherCountyAdmin, "不同意", Clock).Error);
        Assert.IsType<NotFoundError>(record.RevokeReview(OtherSchoolAdmin, "不同意", Clock).Error);
        var teacherAdmin = SchoolAdmin with { UserId = Teacher.UserId };
        Assert.IsType<ForbiddenError>(record.RevokeReview(teacherAdmin, "不同意", Clock).Error);
        Assert.True(record.RevokeReview(CityAdmin, "市级复核", Clock).Succeeded);
    }

    [Fact]
    public void Only_drafts_and_returned_records_can_be_deleted_and_only_by_their_teacher()
    {
        Assert.True(Draft().CheckCanDelete(Teacher).Succeeded);
        Assert.IsType<ConflictError>(Published().CheckCanDelete(Teacher).Error);
        Assert.IsType<ConflictError>(Reported().CheckCanDelete(Teacher).Error);
        Assert.IsType<ForbiddenError>(Draft().CheckCanDelete(SchoolAdmin).Error);
    }

    [Fact]
    public void Every_transition_is_recorded_with_actor_states_and_reason()
    {
        var record = Reported();
        Clock.Advance(TimeSpan.FromHours(1));
        record.Return(CountyAdmin, "照片不清楚", Clock);
        var steps = record.Transitions.Select(t => (t.Action, t.From, t.To, t.ActorName)).ToList();
        Assert.Equal([
            (LabActions.Create, (LabRecordState?)null, LabRecordState.Draft, "王老师"),
            (LabActions.Publish, LabRecordState.Draft, LabRecordState.SelfPublished, "王老师"),
            (LabActions.Report, LabRecordState.SelfPublished, LabRecordState.Reported, "李老师"),
            (LabActions.Return, LabRecordState.Reported, LabRecordState.Returned, "孙县管"),
        ], steps);
        Assert.Equal("照片不清楚", record.Transitions[^1].Reason);
        Assert.Equal(Clock.GetUtcNow(), record.Transitions[^1].At);
    }

    [Fact]
    public void Every_change_bumps_the_version_used_for_optimistic_concurrency()
    {
        var record = Published();
        var version = record.Version;
        record.Report(Colleague, "照片与实验内容不符", Clock);
        Assert.Equal(version + 1, record.Version);
    }

    [Fact]
    public void An_admin_cannot_review_their_own_record()
    {
        var record = LabRecord.StartDraft(SchoolAdmin, 2, false, Clock).Value!;
        record.UpdateDetails(SchoolAdmin, Complete, Clock);
        foreach (var slot in LabMediaSlots.Required)
        {
            record.AttachMedia(SchoolAdmin, slot, "k" + slot, null, "image/jpeg", 1, null, Clock);
        }
        record.Publish(SchoolAdmin, Clock);
        record.Report(Teacher, "照片与实验内容不符", Clock);
        Assert.IsType<ForbiddenError>(record.Approve(SchoolAdmin, null, Clock).Error);
    }

    // Each aggregate answers "what may this caller do" from the guards its transitions run (LabRecord.PermissionsFor).

    [Fact]
    public void A_draft_offers_its_teacher_edit_publish_and_delete_and_nothing_to_anyone_else()
    {
        var record = Draft();
        Assert.Equal(new LabRecordPermissions(Edit: true, Publish: true, Withdraw: false, Delete: true, Report: false, Review: false, Revoke: false, SeeHistory: true),
            record.PermissionsFor(Teacher));
        Assert.Equal(new LabRecordPermissions(false, false, false, false, false, false, false, false), record.PermissionsFor(Colleague));
        Assert.False(record.PermissionsFor(SchoolAdmin).Review);
    }

    [Fact]
    public void A_self_published_record_offers_withdraw_to_its_teacher_and_report_to_others()
    {
        var record = Published();
        var teacher = record.PermissionsFor(Teacher);
        Assert.True(teacher.Withdraw);
        Assert.False(teacher.Edit || teacher.Publish || teacher.Delete || teacher.Report);
        Assert.True(record.PermissionsFor(Colleague).Report);
        Assert.False(record.PermissionsFor(Colleague).SeeHistory);
        Assert.True(record.PermissionsFor(SchoolAdmin).SeeHistory);
    }

    [Fact]
    public void A_reported_record_offers_review_to_the_admins_over_its_school_only()
    {
        var record = Reported();
        Assert.True(record.PermissionsFor(SchoolAdmin).Review);
        Assert.True(record.PermissionsFor(CountyAdmin).Review);
        Assert.True(record.PermissionsFor(CityAdmin).Review);
        Assert.False(record.PermissionsFor(OtherSchoolAdmin).Review);
        Assert.False(record.PermissionsFor(OtherCountyAdmin).Review);
        Assert.False(record.PermissionsFor(Teacher).Review);
        Assert.False(record.PermissionsFor(Teacher).Withdraw);
        Assert.False(record.PermissionsFor(Colleague).Report);
    }

    [Fact]
    public void A_reviewed_record_offers_revoke_to_any_admin_over_its_school_and_a_returned_one_delete_to_its_teacher()
    {
        var record = Reported();
        Assert.True(record.Return(SchoolAdmin, "照片不清楚", Clock).Succeeded);
        Assert.True(record.PermissionsFor(CountyAdmin).Revoke);
        Assert.False(record.PermissionsFor(OtherCountyAdmin).Revoke);
        var teacher = record.PermissionsFor(Teacher);
        Assert.True(teacher.Delete);
        Assert.False(teacher.Publish || teacher.Withdraw || teacher.Edit);
    }

    [Fact]
    public void Permissions_match_what_the_transitions_accept()
    {
        foreach (var caller in new[] { Teacher, Colleague, SchoolAdmin, OtherSchoolAdmin, CountyAdmin, OtherCountyAdmin, CityAdmin })
        {
            Assert.Equal(Draft().PermissionsFor(caller).Publish, Draft().Publish(caller, Clock).Succeeded);
            Assert.Equal(Published().PermissionsFor(caller).Report, Published().Report(caller, "照片与实验内容不符", Clock).Succeeded);
            Assert.Equal(Published().PermissionsFor(caller).Withdraw, Published().Withdraw(caller, false, Clock).Succeeded);
            Assert.Equal(Reported().PermissionsFor(caller).Review, Reported().Approve(caller, null, Clock).Succeeded);
        }
    }
}
