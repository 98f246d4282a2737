using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Guides;

/// <summary>
/// One operation guide page (操作指南), Markdown text for one topic and the roles it is written for. Circular 000 附件2
/// ships a 管理员操作指南 with the circular; here the guides live in the portal, one set for the whole city, and each page's
/// help icon opens its topic's guide. The city's bureau editors keep them up to date (each edit audited with before and after).
/// </summary>
public sealed class Guide
{
    public const int MaxTopicLength = 40;
    public const int MaxTitleLength = 60;
    public const int MaxMarkdownLength = 20000;

    private Guide()
    {
    }

    public int Id { get; private set; }
    /// <summary>A stable key the pages' help icons name, e.g. <c>labs.record</c>.</summary>
    public string Topic { get; private set; } = "";
    public string Title { get; private set; } = "";
    public GuideAudience Audience { get; private set; }
    public string Markdown { get; private set; } = "";
    public int SortOrder { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedByName { get; private set; } = "";

    public static Guide Create(string topic, string title, GuideAudience audience, string markdown, int sortOrder, DateTimeOffset now, string byName) => new()
    {
        Topic = topic,
        Title = title,
        Audience = audience,
        Markdown = markdown,
        SortOrder = sortOrder,
        UpdatedAt = now,
        UpdatedByName = byName,
    };

    /// <summary>The city's bureau editors (公文编辑 at city level): the guides are one set for the whole portal.</summary>
    public static bool CanEdit(Caller caller) => caller.Has(Capability.BureauEditor) && caller.Level == AdminLevel.City && caller.OrgKind == OrgUnitKind.City;

    /// <summary>A guide is listed for the roles it names; any signed-in user may still open any guide by its link.</summary>
    public bool IsFor(AdminLevel level) => (Audience & GuideAudiences.Of(level)) != 0;

    public Result Edit(Caller caller, string? title, GuideAudience audience, string? markdown, DateTimeOffset now)
    {
        if (!CanEdit(caller))
        {
            return new ForbiddenError("只有市级公文编辑可以修改操作指南。");
        }
        var t = title?.Trim() ?? "";
        var m = markdown?.Trim() ?? "";
        var error = new ValidationBuilder()
            .Check(t.Length > 0, nameof(Title), "请填写标题")
            .Check(t.Length <= MaxTitleLength, nameof(Title), $"标题不能超过 {MaxTitleLength} 个字")
            .Check((audience & GuideAudience.Everyone) != 0 && (audience & ~GuideAudience.Everyone) == 0, nameof(Audience), "请至少选择一个适用角色")
            .Check(m.Length > 0, nameof(Markdown), "请填写指南内容")
            .Check(m.Length <= MaxMarkdownLength, nameof(Markdown), $"内容不能超过 {MaxMarkdownLength} 个字符")
            .Build();
        if (error is not null)
        {
            return error;
        }
        (Title, Audience, Markdown, UpdatedAt, UpdatedByName) = (t, audience, m, now, caller.RealName);
        return Result.Success;
    }
}
