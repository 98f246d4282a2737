using EduPortal.Domain.Circulars;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using static EduPortal.Domain.Tests.Circulars.CircularFixtures;

namespace EduPortal.Domain.Tests.Circulars;

public sealed class CircularTests
{
    [Fact]
    public void Document_number_is_prefix_year_in_hexagonal_brackets_and_number()
    {
        Assert.Equal("渭市电教发〔2018〕9号", DocumentNumber.Format("渭市电教发", 2018, 9));
        Assert.Equal("东教发", DocumentNumber.DefaultPrefix("东溪区教育局", OrgUnitKind.County));
        Assert.Equal("云市教发", DocumentNumber.DefaultPrefix("云溪市教育局", OrgUnitKind.City));
        Assert.False(DocumentNumber.IsValidPrefix("东教发〔2026〕"));
        Assert.False(DocumentNumber.IsValidPrefix("东教发3"));
    }

    [Fact]
    public void Only_bureau_editors_at_city_or_county_start_a_draft()
    {
        Assert.True(Circular.StartDraft(CountyEditor, Now).Succeeded);
        Assert.IsType<ForbiddenError>(Circular.StartDraft(CountyAdminNotEditor, Now).Error);
        Assert.IsType<ForbiddenError>(Circular.StartDraft(SchoolAdminWithEditorFlag, Now).Error);
        Assert.IsType<ForbiddenError>(Circular.StartDraft(DirectJuniorAdmin, Now).Error);
    }

    [Fact]
    public void A_draft_has_no_number_and_publication_assigns_it_and_snapshots_the_recipients()
    {
        var draft = Draft();
        Assert.Null(draft.DocumentNumber);
        Assert.Null(draft.Number);

        var recipients = RecipientResolver.Resolve(draft.Selection, CountySubtree);
        Assert.True(draft.Publish(CountyEditor, 2026, 3, recipients, Now).Succeeded);

        Assert.Equal("东电教发〔2026〕3号", draft.DocumentNumber);
        Assert.Equal(CircularStatus.Published, draft.Status);
        Assert.Equal(5, draft.Recipients.Count);
        Assert.Equal("各中心校、初中、区直学校", draft.RecipientsLine());
    }

    [Fact]
    public void Another_countys_editor_cannot_edit_or_publish_and_a_published_circular_cannot_be_edited()
    {
        var draft = Draft();
        Assert.IsType<ForbiddenError>(draft.Edit(OtherCountyEditor, Content()).Error);
        Assert.IsType<ForbiddenError>(draft.Publish(OtherCountyEditor, 2026, 1, CountySubtree, Now).Error);
        Assert.False(draft.PermissionsFor(OtherCountyEditor).CanView);

        var published = Published();
        Assert.IsType<ConflictError>(published.Edit(CountyEditor, Content()).Error);
        Assert.IsType<ConflictError>(published.Publish(CountyEditor, 2026, 10, CountySubtree, Now).Error);
    }

    [Fact]
    public void Publication_needs_a_recipient_and_a_contact_and_nothing_changes_when_refused()
    {
        var draft = Draft(Content(recipients: RecipientSelection.Empty));
        var refused = draft.Publish(CountyEditor, 2026, 1, [], Now);

        Assert.Equal("请至少选择一个接收单位", Assert.IsType<ValidationError>(refused.Error).Fields["Recipients"]);
        Assert.Equal(CircularStatus.Draft, draft.Status);
        Assert.Null(draft.DocumentNumber);
    }

    [Fact]
    public void Bad_fields_are_refused_next_to_each_field_and_the_draft_keeps_its_content()
    {
        var draft = Draft();
        var bad = Content(phone: "12345") with { Title = " ", DocumentPrefix = "东〔教〕", Milestones = [new MilestoneInput("", null, true)] };

        var error = Assert.IsType<ValidationError>(draft.Edit(CountyEditor, bad).Error);

        Assert.Equal("请填写标题", error.Fields["Title"]);
        Assert.Contains("发文字号前缀", error.Fields["DocumentPrefix"]);
        Assert.Contains("联系电话", error.Fields["ContactPhone"]);
        Assert.Equal("请填写节点名称（如：注册）", error.Fields["Milestones[0].Label"]);
        Assert.Equal("请选择日期", error.Fields["Milestones[0].Date"]);
        Assert.Equal("关于在全区中小学校使用“实验管理小程序”的通知", draft.Title);
        Assert.Equal(2, draft.Milestones.Count);
    }

    [Fact]
    public void Contact_phone_line_accepts_circular_000s_local_landline_and_mobile()
    {
        Assert.True(ContactPhones.IsValid("2663755 13759693597"));
        Assert.True(ContactPhones.IsValid("0913-2663755"));
        Assert.False(ContactPhones.IsValid("12345"));
        Assert.False(ContactPhones.IsValid(""));
    }

    [Fact]
    public void A_recipient_units_admin_acknowledges_once_for_the_unit()
    {
        var circular = Published();
        Assert.True(circular.PermissionsFor(DirectJuniorAdmin).CanAcknowledge);

        Assert.True(circular.Acknowledge(DirectJuniorAdmin, Now.AddHours(1)).Succeeded);
        var again = circular.Acknowledge(DirectJuniorAdmin2, Now.AddHours(2));

        Assert.Contains("陈校管", Assert.IsType<ConflictError>(again.Error).Message);
        var row = circular.Recipients.Single(r => r.UnitId == 14);
        Assert.Equal("陈校管", row.AcknowledgedByName);
        Assert.Equal(Now.AddHours(1), row.AcknowledgedAt);
    }

    [Fact]
    public void Teachers_non_recipients_and_the_issuer_cannot_acknowledge()
    {
        var circular = Published(Content(forTeachers: true));

        Assert.IsType<ForbiddenError>(circular.Acknowledge(DirectJuniorTeacher, Now).Error);
        Assert.IsType<ForbiddenError>(circular.Acknowledge(VillagePrimaryAdmin, Now).Error); // a primary school: not 初中 nor 区直
        Assert.IsType<ForbiddenError>(circular.Acknowledge(CountyEditor, Now).Error);
        Assert.True(circular.CanView(DirectJuniorTeacher));
    }

    [Fact]
    public void Teachers_see_only_circulars_addressed_to_teachers()
    {
        Assert.False(Published(Content(forTeachers: false)).CanView(DirectJuniorTeacher));
        Assert.True(Published(Content(forTeachers: true)).CanView(DirectJuniorTeacher));
    }

    [Fact]
    public void A_withdrawn_circular_cannot_be_acknowledged_and_keeps_its_number()
    {
        var circular = Published(number: 4);
        Assert.True(circular.Withdraw(CountyEditor, Now.AddHours(1)).Succeeded);

        Assert.IsType<ConflictError>(circular.Acknowledge(DirectJuniorAdmin, Now.AddHours(2)).Error);
        Assert.Equal("东电教发〔2026〕4号", circular.DocumentNumber);
        Assert.False(circular.PermissionsFor(DirectJuniorAdmin).CanAcknowledge);
    }

    [Fact]
    public void A_draft_is_seen_only_by_the_issuing_bureau()
    {
        var draft = Draft();
        Assert.True(draft.CanView(CountyAdminNotEditor));
        Assert.False(draft.CanView(CityAdmin));
        Assert.False(draft.CanView(DirectJuniorAdmin));
        Assert.True(Published().CanView(CityAdmin));
        Assert.True(Published().CanSeeReceipts(CityAdmin));
        Assert.False(Published().CanSeeReceipts(DirectJuniorAdmin));
    }

    [Fact]
    public void Reminders_go_at_most_once_a_china_day_and_only_while_someone_has_not_acknowledged()
    {
        var circular = Published();
        Assert.True(circular.Remind(CountyEditor, Now).Succeeded);
        Assert.Equal(5, circular.Reminders.Single().UnitCount);
        // 09:30 China time, then 23:00 the same China day (15:00 UTC): refused; 08:00 next China day: accepted.
        Assert.IsType<ConflictError>(circular.Remind(CountyEditor, Now.AddHours(13.5)).Error);
        Assert.True(circular.Remind(CountyEditor, Now.AddHours(22.5)).Succeeded);
        Assert.IsType<ForbiddenError>(circular.Remind(OtherCountyEditor, Now.AddDays(3)).Error);
        Assert.True(circular.IsRemindedPending(circular.Recipients[0]));
    }

    [Fact]
    public void Milestones_count_down_to_a_deadline_and_say_when_it_is_overdue()
    {
        var register = new CircularMilestone("注册", new DateOnly(2026, 4, 21), isDeadline: true);
        var record = new CircularMilestone("记录", new DateOnly(2026, 4, 23), isDeadline: false);

        Assert.Equal("距注册截止还有 5 天", register.Countdown(new DateOnly(2026, 4, 16)));
        Assert.Equal("今天注册截止", register.Countdown(new DateOnly(2026, 4, 21)));
        Assert.Equal("注册已逾期 2 天", register.Countdown(new DateOnly(2026, 4, 23)));
        Assert.Equal("注册 截止 4月21日", register.Describe());
        Assert.Equal("记录 自4月23日起", record.Describe());
        Assert.Equal("距记录开始还有 2 天", record.Countdown(new DateOnly(2026, 4, 21)));
        Assert.Equal("记录已开始", record.Countdown(new DateOnly(2026, 4, 24)));
    }

    [Fact]
    public void A_text_reply_after_the_due_date_is_accepted_and_flagged_late()
    {
        var circular = Published(Content(reply: ReplyMode.Text, replyDue: new DateOnly(2026, 4, 19)));

        Assert.Equal("请填写回复内容", Assert.IsType<ValidationError>(circular.Reply(DirectJuniorAdmin, " ", null, null, null, Now).Error).Fields["ReplyText"]);
        Assert.True(circular.Reply(DirectJuniorAdmin, "已确定管理员：陈校管", null, null, null, new DateTimeOffset(2026, 4, 19, 17, 0, 0, TimeSpan.Zero)).Succeeded);
        var row = circular.Recipients.Single(r => r.UnitId == 14);
        Assert.True(circular.IsLate(row)); // 17:00 UTC on the 19th is 01:00 on the 20th in China: late

        Assert.True(circular.Reply(DirectJuniorAdmin, "更正", null, null, null, new DateTimeOffset(2026, 4, 19, 10, 0, 0, TimeSpan.Zero)).Succeeded);
        Assert.False(circular.IsLate(row));
        Assert.IsType<ForbiddenError>(circular.Reply(DirectJuniorTeacher, "x", null, null, null, Now).Error);
    }

    [Fact]
    public void A_file_reply_needs_a_file()
    {
        var circular = Published(Content(reply: ReplyMode.File, replyDue: new DateOnly(2026, 4, 19)));

        Assert.Equal("请选择要上传的文件", Assert.IsType<ValidationError>(circular.Reply(DirectJuniorAdmin, null, null, null, null, Now).Error).Fields["File"]);
        Assert.True(circular.Reply(DirectJuniorAdmin, null, "attachments/x.pdf", "名单.pdf", "application/pdf", Now).Succeeded);
    }

    [Fact]
    public void A_reply_is_required_to_have_a_due_date()
    {
        var draft = Draft();
        var error = draft.Edit(CountyEditor, Content(reply: ReplyMode.File, replyDue: null)).Error;

        Assert.Equal("要求回复时请选择回复截止日期", Assert.IsType<ValidationError>(error).Fields["ReplyDueDate"]);
    }
}
