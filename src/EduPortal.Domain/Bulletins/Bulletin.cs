using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Bulletins;

/// <summary>
/// 工作周通报: one per issuing unit (the city or a county) and week — a unique index on (unit, week) keeps re-runs from
/// duplicating it (circular 000 §二: "区局将对各校…及时通报"). A draft is replaced by a re-run; a published one is final.
/// </summary>
public sealed class Bulletin
{
    public const int MaxForewordLength = 2000;

    /// <summary>Longest reason kept of a failed publication.</summary>
    public const int MaxPublishFailureLength = 500;

    private Bulletin()
    {
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public string UnitName { get; private set; } = "";
    public string UnitPath { get; private set; } = "";
    public OrgUnitKind UnitKind { get; private set; }

    /// <summary>Monday of the reported week (China date).</summary>
    public DateOnly WeekStart { get; private set; }
    public int WeekYear { get; private set; }
    public int WeekNumber { get; private set; }
    public string Title { get; private set; } = "";
    public BulletinStatus Status { get; private set; }
    public string? Foreword { get; private set; }

    /// <summary>The sections' data as JSON (<see cref="BulletinSectionData"/> list), as printed.</summary>
    public string SectionsJson { get; private set; } = "[]";
    public string PdfKey { get; private set; } = "";
    public string ExcelKey { get; private set; } = "";
    public DateTimeOffset GeneratedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedById { get; private set; }
    public string? PublishedByName { get; private set; }

    /// <summary>The circular the bulletin was published as (null until published, or when no circular module is wired).</summary>
    public int? CircularId { get; private set; }

    /// <summary>
    /// Why the last attempt to publish failed (the circular was refused), shown to the editor as 发布失败 with this reason;
    /// the bulletin is back to a draft so the editor can publish again. Null when the last attempt did not fail.
    /// </summary>
    public string? PublishFailure { get; private set; }

    public BulletinWeek Week => new(WeekStart);

    public bool IsPublished => Status == BulletinStatus.Published;

    /// <summary>云溪市教育信息化工作周通报（2026年第48周）.</summary>
    public static string TitleFor(BulletinScope scope, BulletinWeek week) => $"{scope.RegionName}教育信息化工作周通报（{week.Label}）";

    public static Bulletin Create(BulletinScope scope, BulletinWeek week, string sectionsJson, string pdfKey, string excelKey, DateTimeOffset generatedAt) =>
        new()
        {
            UnitId = scope.UnitId,
            UnitName = scope.UnitName,
            UnitPath = scope.UnitPath,
            UnitKind = scope.Kind,
            WeekStart = week.Monday,
            WeekYear = week.Year,
            WeekNumber = week.Number,
            Title = TitleFor(scope, week),
            Status = BulletinStatus.Draft,
            SectionsJson = sectionsJson,
            PdfKey = pdfKey,
            ExcelKey = excelKey,
            GeneratedAt = generatedAt,
        };

    /// <summary>A re-run of the week replaces the figures and files of a draft (the foreword stays); a published bulletin is final.</summary>
    public Result Replace(BulletinScope scope, string sectionsJson, string pdfKey, string excelKey, DateTimeOffset generatedAt)
    {
        if (IsPublished)
        {
            return new ConflictError("本周通报已发布，不能重新生成");
        }
        UnitName = scope.UnitName;
        Title = TitleFor(scope, Week);
        SectionsJson = sectionsJson;
        PdfKey = pdfKey;
        ExcelKey = excelKey;
        GeneratedAt = generatedAt;
        return Result.Success;
    }

    /// <summary>The editor's foreword (按语) printed above the sections; only before publishing.</summary>
    public Result SetForeword(string? text)
    {
        if (IsPublished)
        {
            return new ConflictError("通报已发布，不能再修改按语");
        }
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed is { Length: > MaxForewordLength })
        {
            return ValidationError.For("Foreword", $"按语不能超过 {MaxForewordLength} 字");
        }
        Foreword = trimmed;
        return Result.Success;
    }

    /// <summary>Publishes the bulletin; the files are rebuilt by the caller first when the foreword changed.</summary>
    public Result Publish(string byId, string byName, DateTimeOffset at)
    {
        if (IsPublished)
        {
            return new ConflictError("通报已发布");
        }
        Status = BulletinStatus.Published;
        PublishedAt = at;
        PublishedById = byId;
        PublishedByName = byName;
        PublishFailure = null;
        return Result.Success;
    }

    /// <summary>
    /// The circular the bulletin goes out as was refused: the bulletin is a draft again (nobody under the unit was sent
    /// it), with the reason kept for the editor, who may publish again.
    /// </summary>
    public void PublishFailed(string reason)
    {
        Status = BulletinStatus.Draft;
        PublishedAt = null;
        PublishedById = null;
        PublishedByName = null;
        var text = string.IsNullOrWhiteSpace(reason) ? "发文被拒绝" : reason.Trim();
        PublishFailure = text[..Math.Min(text.Length, MaxPublishFailureLength)];
    }

    public void LinkCircular(int circularId) => CircularId = circularId;

    /// <summary>The files of a draft rebuilt with its foreword.</summary>
    public void ReplaceFiles(string pdfKey, string excelKey)
    {
        PdfKey = pdfKey;
        ExcelKey = excelKey;
    }
}
