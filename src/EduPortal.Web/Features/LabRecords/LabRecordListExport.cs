using EduPortal.Data;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.LabRecords;

/// <summary>
/// 实验记录名单 for a lesson-date range: every shown record of the owner's jurisdiction (a county admin's county, the
/// city's whole city — 20,000+ rows), streamed from the database straight into the Open XML writer with the gallery
/// export's columns (<see cref="LabGalleryService.ExportColumns"/>).
/// </summary>
public sealed class LabRecordListExport(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock) : IExportKind
{
    public const string KindKey = "labrecords.list";
    public const int MaxDays = 3 * 366;

    public string Key => KindKey;

    public string Title => "实验记录名单（Excel）";

    public static ExportParameters For(DateOnly from, DateOnly to) => ExportParameters.Of(("from", ChinaTime.FormatDate(from)), ("to", ChinaTime.FormatDate(to)));

    public Task<Result<string>> AuthorizeAsync(Caller caller, ExportParameters parameters, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin)
        {
            return Task.FromResult<Result<string>>(new ForbiddenError("只有管理员可以导出本辖区的实验记录名单。"));
        }
        if (parameters.Date("from") is not { } from || parameters.Date("to") is not { } to)
        {
            return Task.FromResult<Result<string>>(ValidationError.For("Period", "请选择上课日期的起止日期。"));
        }
        if (to < from || to.DayNumber - from.DayNumber > MaxDays)
        {
            return Task.FromResult<Result<string>>(ValidationError.For("Period", "结束日期不能早于开始日期，且一次最多导出三年。"));
        }
        return Task.FromResult<Result<string>>($"{caller.OrgUnitName} {ChinaTime.FormatDate(from)} 至 {ChinaTime.FormatDate(to)} 实验记录");
    }

    public async Task<ExportFile> RunAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var from = context.Parameters.Date("from")!.Value;
        var to = context.Parameters.Date("to")!.Value;
        var madeAt = ChinaTime.ToChina(clock.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The scope is the owner's jurisdiction as read when the job started; the parameters only choose the dates.
        var records = db.LabRecords.AsNoTracking().WithinJurisdiction(context.Caller)
            .Where(r => r.Shown && r.LessonDate >= from && r.LessonDate <= to);
        var total = await records.CountAsync(cancellationToken);
        var rows = records.OrderBy(r => r.LessonDate).ThenBy(r => r.SchoolId).ThenBy(r => r.Id)
            .Select(r => new GalleryItem(r.Id, r.Title, r.Subject, r.Kind, r.SchoolName, r.TeacherName, r.ClassName, r.LessonDate, r.PublishedAt, r.ReviewerName, null))
            .AsEnumerable();
        var caption = $"{context.Caller.OrgUnitName} · 上课日期 {ChinaTime.FormatDate(from)} 至 {ChinaTime.FormatDate(to)} · 共 {total} 条 · 导出于 {madeAt:yyyy-MM-dd HH:mm}";
        ExcelExport.Write(context.Output, "实验记录", LabGalleryService.ExportColumns, Counted(rows, total, context.Progress), caption);
        return new ExportFile($"{context.Caller.OrgUnitName}-实验记录-{from:yyyyMMdd}至{to:yyyyMMdd}-导出{madeAt:yyyyMMdd-HHmm}.xlsx", ExcelExport.ContentType, "xlsx");
    }

    private static IEnumerable<T> Counted<T>(IEnumerable<T> rows, int total, IProgress<ExportProgress> progress)
    {
        var done = 0;
        foreach (var row in rows)
        {
            yield return row;
            if (++done % 500 == 0)
            {
                progress.Report(new ExportProgress(done * 100 / Math.Max(1, total), $"已写入 {done}/{total} 条"));
            }
        }
    }
}
