using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards.Training;

/// <summary>
/// A school's 班班通 archive (circular 003 §二.1: 技术资料、维护维修记录、培训记录、教研工作日志 整理归档): the repair
/// tickets' steps and the training records the portal holds, and the documents and log entries the school files.
/// </summary>
public sealed class ArchiveService(IDbContextFactory<EduPortalDbContext> dbFactory, UploadPipeline uploads, TimeProvider clock)
{
    public const string AuditFile = "smartboards.archive.file";
    public const string AuditDelete = "smartboards.archive.delete";
    public const int MaxRows = 5000;

    /// <summary>Documents: PDF, Office files and scans, content-checked by the upload pipeline.</summary>
    public static readonly UploadPolicy DocumentPolicy = UploadPolicy.Attachment with { Category = "smartboard-archive" };

    public async Task<Result<SchoolArchive>> ArchiveAsync(Caller caller, int schoolId, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(o => o.Id == schoolId && o.Kind == OrgUnitKind.School,
            cancellationToken);
        if (school is null)
        {
            return new NotFoundError();
        }
        var (from, to) = TrainingService.YearRange(year);
        var documents = (await db.ArchiveDocuments.AsNoTracking().WithinJurisdiction(caller)
            .Where(d => d.SchoolId == schoolId && d.EntryDate >= from && d.EntryDate < to).OrderByDescending(d => d.EntryDate).ThenByDescending(d => d.Id)
            .Take(MaxRows).ToListAsync(cancellationToken))
            .Select(d => new ArchiveDocumentRow(d.Id, d.Kind, d.Title, d.EntryDate, d.Content, d.FileName, d.FileKey is not null, d.RecordedByName,
                d.PermissionsFor(caller))).ToList();
        var fromAt = WorkingCalendar.EndOfDay(from.AddDays(-1));
        var toAt = WorkingCalendar.EndOfDay(to.AddDays(-1));
        var steps = await db.RepairTickets.AsNoTracking().WithinJurisdiction(caller).Where(t => t.SchoolId == schoolId)
            .SelectMany(t => t.Steps.Where(s => s.At > fromAt && s.At <= toAt),
                (t, s) => new { t.Id, s.At, t.AssetTag, t.DeviceName, t.ClassroomName, s.Kind, s.ActorName, s.Note, s.Parts, s.Cost })
            .ToListAsync(cancellationToken);
        var maintenance = steps.OrderByDescending(s => s.At).ThenByDescending(s => s.Id).Take(MaxRows)
            .Select(s => new MaintenanceRow(s.Id, s.At, s.AssetTag, s.DeviceName, s.ClassroomName, s.Kind, s.ActorName, s.Note, s.Parts, s.Cost)).ToList();
        var attendances = await db.TrainingAttendances.AsNoTracking().Where(a => a.SchoolId == schoolId && a.HeldOn >= from && a.HeldOn < to)
            .Join(db.TrainingRecords, a => a.TrainingId, t => t.Id, (a, t) => new { t.Id, t.HeldOn, t.Kind, t.Title, t.Organiser, t.Hours, a.UserName })
            .ToListAsync(cancellationToken);
        var trainings = attendances.GroupBy(a => a.Id).OrderByDescending(g => g.First().HeldOn).ThenByDescending(g => g.Key)
            .Select(g => new ArchiveTrainingRow(g.Key, g.First().HeldOn, g.First().Kind, g.First().Title, g.First().Organiser, g.First().Hours,
                g.Select(a => a.UserName).Order(StringComparer.Ordinal).ToList())).ToList();
        return new SchoolArchive(school.Id, school.Name, year, ArchiveDocument.MayFile(caller, school.Path),
            documents.Where(d => d.Kind == ArchiveKind.TechnicalDocument).ToList(), maintenance, trainings,
            documents.Where(d => d.Kind == ArchiveKind.ResearchLog).ToList());
    }

    /// <summary>Files a 技术资料 document or a 教研工作日志 entry; the file goes through the upload pipeline first and is removed again when the entry is refused.</summary>
    public async Task<Result<int>> FileAsync(Caller caller, int schoolId, ArchiveKind kind, string? title, DateOnly? entryDate, string? content, Stream? file,
        long fileLength, string? fileName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(o => o.Id == schoolId && o.Kind == OrgUnitKind.School,
            cancellationToken);
        if (school is null)
        {
            return new NotFoundError();
        }
        if (!ArchiveDocument.MayFile(caller, school.Path))
        {
            return new ForbiddenError("只有学校管理员、技术员或上级管理员可以整理档案。");
        }
        var upload = await uploads.StoreOptionalAsync(file, fileLength, DocumentPolicy, "File", cancellationToken);
        if (!upload.Succeeded)
        {
            return upload.Error!;
        }
        var stored = upload.Value;
        var filed = ArchiveDocument.File(caller, school.Id, school.Path, kind, title, entryDate, content, stored?.Key, fileName, clock);
        if (!filed.Succeeded)
        {
            if (stored is not null)
            {
                await uploads.DeleteAsync(stored, CancellationToken.None);
            }
            return filed.Error!;
        }
        var document = filed.Value!;
        db.ArchiveDocuments.Add(document);
        db.Audit(caller, clock, AuditFile, nameof(ArchiveDocument), $"school:{school.Id}", school.Path,
            $"{caller.RealName} 归档{school.Name}{kind.DisplayName()}“{document.Title}”（{ChinaTime.FormatDate(document.EntryDate)}）", null,
            new { 类别 = kind.DisplayName(), 标题 = document.Title, 日期 = ChinaTime.FormatDate(document.EntryDate), 文件 = document.FileName });
        await db.SaveChangesAsync(cancellationToken);
        return document.Id;
    }

    public async Task<Result> DeleteAsync(Caller caller, int documentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The stored file stays: audit entries name it and the file store has no orphan sweep to race with.
        return await db.RemoveAuditedAsync(db.ArchiveDocuments.WithinJurisdiction(caller).Where(d => d.Id == documentId),
            d => d.PermissionsFor(caller).CanDelete, "只有学校管理员、技术员或上级管理员可以删除档案。",
            document => db.Audit(caller, clock, AuditDelete, nameof(ArchiveDocument), document.Id.ToString(CultureInfo.InvariantCulture), document.SchoolPath,
                $"{caller.RealName} 删除{document.Kind.DisplayName()}“{document.Title}”", new { 标题 = document.Title, 文件 = document.FileName }, null),
            cancellationToken);
    }

    public async Task<(Stream Stream, string ContentType, string FileName)?> OpenFileAsync(Caller caller, int documentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.ArchiveDocuments.AsNoTracking().WithinJurisdiction(caller).Where(d => d.Id == documentId)
            .Select(d => new { d.FileKey, d.FileName }).SingleOrDefaultAsync(cancellationToken);
        if (await uploads.OpenAsync(document?.FileKey, cancellationToken) is not { } file)
        {
            return null;
        }
        return (file.Stream, file.ContentType, document!.FileName ?? document.FileKey!);
    }

    /// <summary>One kind of the archive as a workbook whose caption names the school, the period and when it was made.</summary>
    public (byte[] Content, string FileName) BuildWorkbook(SchoolArchive archive, ArchiveKind kind)
    {
        var made = ChinaTime.ToChina(clock.GetUtcNow());
        var caption = $"{archive.SchoolName} 班班通{kind.DisplayName()} · 统计期间 {archive.Year}-01-01 至 {archive.Year}-12-31 · 导出时间 {made:yyyy-MM-dd HH:mm}";
        var content = kind switch
        {
            ArchiveKind.TechnicalDocument => ExcelExport.Build(kind.DisplayName(), DocumentColumns, archive.TechnicalDocuments, caption),
            ArchiveKind.ResearchLog => ExcelExport.Build(kind.DisplayName(), DocumentColumns, archive.ResearchLog, caption),
            ArchiveKind.MaintenanceRecord => ExcelExport.Build(kind.DisplayName(), MaintenanceColumns, archive.Maintenance, caption),
            ArchiveKind.TrainingRecord => ExcelExport.Build(kind.DisplayName(), TrainingColumns, archive.Trainings, caption),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return (content, $"{archive.SchoolName}-{archive.Year}年{kind.DisplayName()}-{made:yyyyMMdd-HHmm}.xlsx");
    }

    private static readonly IReadOnlyList<ExcelColumn<ArchiveDocumentRow>> DocumentColumns =
    [
        new("日期", r => ChinaTime.FormatDate(r.EntryDate), 12),
        new("标题", r => r.Title, 30),
        new("内容", r => r.Content, 60),
        new("附件", r => r.FileName, 24),
        new("登记人", r => r.RecordedByName, 12),
    ];

    private static readonly IReadOnlyList<ExcelColumn<MaintenanceRow>> MaintenanceColumns =
    [
        new("时间", r => ChinaTime.ToChina(r.At).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), 17),
        new("报修单号", r => r.TicketId, 10),
        new("资产编号", r => r.AssetTag, 16),
        new("设备", r => r.DeviceName, 20),
        new("教室", r => r.ClassroomName, 14),
        new("环节", r => r.Kind.DisplayName(), 12),
        new("处理人", r => r.ActorName, 12),
        new("说明", r => r.Note, 40),
        new("更换配件", r => r.Parts, 20),
        new("费用（元）", r => r.Cost, 12, "#,##0.00"),
    ];

    private static readonly IReadOnlyList<ExcelColumn<ArchiveTrainingRow>> TrainingColumns =
    [
        new("日期", r => ChinaTime.FormatDate(r.HeldOn), 12),
        new("类别", r => r.Kind.DisplayName(), 14),
        new("培训名称", r => r.Title, 30),
        new("主办单位", r => r.Organiser, 20),
        new("学时", r => r.Hours, 8, "0.0"),
        new("本校参训人员", r => string.Join("、", r.Attendees), 40),
        new("人数", r => r.Attendees.Count, 8),
    ];
}
