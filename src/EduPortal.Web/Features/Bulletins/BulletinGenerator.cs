using System.Text.Json;
using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Bulletins;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Files;
using EduPortal.Web.Infrastructure.Reports;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Bulletins;

/// <summary>Who a build or publication is recorded as: an editor, or the schedule (系统).</summary>
public sealed record BulletinActor(string Id, string Name)
{
    public static BulletinActor Schedule { get; } = new("system", "系统（定时任务）");
}

/// <summary>
/// Builds one unit's bulletin for one week: asks every registered <see cref="IBulletinSection"/> (in order) for its
/// figures, renders the PDF and the workbook, stores both files and upserts the week's row — a re-run replaces a draft
/// (keeping its foreword) and never adds a second row (unique index on unit and week); a published bulletin is final.
/// </summary>
public sealed class BulletinGenerator(IDbContextFactory<EduPortalDbContext> dbFactory, IEnumerable<IBulletinSection> sections, IFileStore files,
    IBulletinPublisher publisher, TimeProvider clock, ILogger<BulletinGenerator> logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The sections in print order.</summary>
    public IReadOnlyList<IBulletinSection> Sections { get; } = sections.OrderBy(s => s.Order).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();

    /// <summary>Steps a build reports: one per section, then rendering and saving.</summary>
    public int StepCount => Sections.Count + 2;

    /// <param name="publish">Publish at once (the unit's auto-publish setting on a scheduled run).</param>
    /// <param name="progress">Called before each step with (step, steps, what).</param>
    public async Task<Result<int>> GenerateAsync(int unitId, BulletinWeek week, BulletinActor actor, bool publish = false,
        Func<int, int, string, Task>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == unitId, cancellationToken);
        if (unit is null || !BulletinScope.Issues(unit.Kind))
        {
            return new NotFoundError();
        }
        var existing = await db.Bulletins.SingleOrDefaultAsync(b => b.UnitId == unitId && b.WeekStart == week.Monday, cancellationToken);
        if (existing is { IsPublished: true })
        {
            return new ConflictError("本周通报已发布，不能重新生成");
        }
        var scope = new BulletinScope(unit);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var data = new List<BulletinSectionData>(Sections.Count);
        for (var i = 0; i < Sections.Count; i++)
        {
            if (progress is not null)
            {
                await progress(i, StepCount, $"正在统计：{Sections[i].Title}");
            }
            var section = await Sections[i].BuildAsync(scope, week, cancellationToken);
            data.Add(section with { Key = Sections[i].Key, Title = Sections[i].Title, Order = Sections[i].Order });
        }
        if (progress is not null)
        {
            await progress(Sections.Count, StepCount, "正在生成 PDF 与 Excel");
        }
        var figured = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var now = clock.GetUtcNow();
        var content = new BulletinContent(Bulletin.TitleFor(scope, week), unit.Name, week, now, existing?.Foreword, data);
        var (pdfKey, excelKey) = await StoreAsync(content, cancellationToken);
        if (progress is not null)
        {
            await progress(Sections.Count + 1, StepCount, "正在保存");
        }
        var sectionsJson = JsonSerializer.Serialize(data, Json);
        var oldKeys = existing is null ? [] : new[] { existing.PdfKey, existing.ExcelKey };
        var bulletin = existing ?? Bulletin.Create(scope, week, sectionsJson, pdfKey, excelKey, now);
        if (existing is null)
        {
            db.Bulletins.Add(bulletin);
        }
        else if (existing.Replace(scope, sectionsJson, pdfKey, excelKey, now).Error is { } refused)
        {
            return refused;
        }
        var error = await db.SaveThenAuditAsync(() => db.Audit(actor.Id, actor.Name, clock, AuditActions.BulletinGenerated, nameof(Bulletin),
            $"{unit.Id}:{ChinaTime.FormatDate(week.Monday)}", unit.Path, $"生成{bulletin.Title}"), cancellationToken,
            // A second build of the same week racing this one: the unique index refuses the duplicate row.
            e => new ConflictError("该周通报正在由另一任务生成，请稍后刷新"));
        if (error is not null)
        {
            await DeleteAsync([pdfKey, excelKey]);
            return error;
        }
        await DeleteAsync(oldKeys);
        logger.LogInformation("Built the bulletin {Title} ({Sections} sections) in {Total:0} ms, of which figures {Figures:0} ms.", bulletin.Title, data.Count,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, figured.TotalMilliseconds);
        if (publish)
        {
            var published = await PublishAsync(bulletin.Id, actor, cancellationToken);
            if (published.Error is { } publishError)
            {
                return publishError;
            }
        }
        return bulletin.Id;
    }

    /// <summary>
    /// Publishes a draft: rebuilds its files with the foreword as it stands, marks it published and hands it to the
    /// <see cref="IBulletinPublisher"/> (a circular to the unit's subtree). When the circular is refused the bulletin is
    /// a draft again marked 发布失败 with the reason (audited), and the answer is that reason: the editor sees it on the
    /// bulletin and publishes again; the weekly job leaves it for the editor.
    /// </summary>
    public async Task<Result> PublishAsync(int bulletinId, BulletinActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bulletin = await db.Bulletins.SingleOrDefaultAsync(b => b.Id == bulletinId, cancellationToken);
        if (bulletin is null)
        {
            return new NotFoundError();
        }
        var content = ContentOf(bulletin);
        var pdf = BulletinDocuments.Pdf(content);
        var workbook = BulletinDocuments.Workbook(content);
        var oldKeys = new[] { bulletin.PdfKey, bulletin.ExcelKey };
        var pdfKey = await files.SaveAsync("bulletins", "pdf", new MemoryStream(pdf), cancellationToken);
        var excelKey = await files.SaveAsync("bulletins", "xlsx", new MemoryStream(workbook), cancellationToken);
        var now = clock.GetUtcNow();
        if (bulletin.Publish(actor.Id, actor.Name, now).Error is { } refused)
        {
            await DeleteAsync([pdfKey, excelKey]);
            return refused;
        }
        bulletin.ReplaceFiles(pdfKey, excelKey);
        var error = await db.SaveThenAuditAsync(() => db.Audit(actor.Id, actor.Name, clock, AuditActions.BulletinPublished, nameof(Bulletin),
            bulletin.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), bulletin.UnitPath, $"发布{bulletin.Title}"), cancellationToken);
        if (error is not null)
        {
            await DeleteAsync([pdfKey, excelKey]);
            return error;
        }
        await DeleteAsync(oldKeys);
        Result<int> circular;
        try
        {
            circular = await publisher.PublishAsync(bulletin, new BulletinFiles(pdf, FileName(bulletin, "pdf"), workbook, FileName(bulletin, "xlsx")),
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Publishing the bulletin {Title} as a circular threw.", bulletin.Title);
            circular = new ConflictError("发文服务暂时不可用，请稍后重试");
        }
        if (circular.Error is { } failure)
        {
            logger.LogWarning("The circular of the bulletin {Title} was refused: {Reason}", bulletin.Title, failure.Message);
            bulletin.PublishFailed(failure.Message);
            await db.SaveThenAuditAsync(() => db.Audit(actor.Id, actor.Name, clock, AuditActions.BulletinPublishFailed, nameof(Bulletin),
                bulletin.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), bulletin.UnitPath, $"发布{bulletin.Title}失败：{bulletin.PublishFailure}"),
                CancellationToken.None);
            return new ConflictError($"发布失败：{bulletin.PublishFailure}");
        }
        bulletin.LinkCircular(circular.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public static BulletinContent ContentOf(Bulletin bulletin) =>
        new(bulletin.Title, bulletin.UnitName, bulletin.Week, bulletin.GeneratedAt, bulletin.Foreword, SectionsOf(bulletin));

    public static IReadOnlyList<BulletinSectionData> SectionsOf(Bulletin bulletin) =>
        JsonSerializer.Deserialize<List<BulletinSectionData>>(bulletin.SectionsJson, Json) ?? [];

    /// <summary>云溪市教育信息化工作周通报（2026年第48周）.pdf.</summary>
    public static string FileName(Bulletin bulletin, string extension) => $"{bulletin.Title}.{extension}";

    private async Task<(string Pdf, string Excel)> StoreAsync(BulletinContent content, CancellationToken cancellationToken)
    {
        var pdfKey = await files.SaveAsync("bulletins", "pdf", new MemoryStream(BulletinDocuments.Pdf(content)), cancellationToken);
        var excelKey = await files.SaveAsync("bulletins", "xlsx", new MemoryStream(BulletinDocuments.Workbook(content)), cancellationToken);
        return (pdfKey, excelKey);
    }

    private async Task DeleteAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys.Where(k => !string.IsNullOrEmpty(k)))
        {
            await files.DeleteAsync(key, CancellationToken.None);
        }
    }

    internal static string PdfContentType => PdfReport.ContentType;
    internal static string ExcelContentType => ExcelExport.ContentType;
}
