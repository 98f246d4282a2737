using EduPortal.Data;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.LabRecords;

public sealed record GalleryQuery(
    int? CountyId = null, int? SchoolId = null, LabSubject? Subject = null, LabKind? Kind = null,
    DateOnly? From = null, DateOnly? To = null, int Page = 0, int PageSize = 24);

public sealed record GalleryItem(
    long Id, string? Title, LabSubject? Subject, LabKind? Kind, string SchoolName, string TeacherName, string? ClassName,
    DateOnly? LessonDate, DateTimeOffset? PublishedAt, string? ReviewerName, string? ThumbnailUrl)
{
    /// <summary>The full-size photo behind the card's thumbnail (same media, without <c>thumb=1</c>).</summary>
    public string? PhotoUrl => ThumbnailUrl?.Replace("?thumb=1", "", StringComparison.Ordinal);
}

public sealed record GalleryPage(IReadOnlyList<GalleryItem> Items, int Total);

public sealed record FilterOption(int Id, string Name, int? ParentId = null);

/// <summary>
/// The gallery (展示) of shown records and a record's detail page. Shown records are public to every signed-in
/// user of the district (circular 000 §一.(二).2: 统计、评估、展示); everything else follows <see cref="LabRecordJurisdiction.VisibleTo"/>.
/// </summary>
public sealed class LabGalleryService(IDbContextFactory<EduPortalDbContext> dbFactory)
{
    public const int MaxPageSize = 100;
    public const int MaxExportRows = 50_000;

    public async Task<GalleryPage> SearchAsync(Caller caller, GalleryQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = Filter(Shown(db), query);
        var total = await records.CountAsync(cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var items = await PageAsync(records, query.Page, size, cancellationToken);
        return new GalleryPage(items, total);
    }

    /// <summary>The gallery's current filter as a workbook (up to <see cref="MaxExportRows"/> rows).</summary>
    public async Task<byte[]> ExportAsync(Caller caller, GalleryQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = Filter(Shown(db), query);
        var items = await PageAsync(records, 0, MaxExportRows, cancellationToken);
        return ExcelExport.Build("实验记录", ExportColumns, items);
    }

    /// <summary>The columns of every lab-records list export: the gallery's filter and the export centre's jurisdiction list share them.</summary>
    public static IReadOnlyList<ExcelColumn<GalleryItem>> ExportColumns { get; } =
    [
        new ExcelColumn<GalleryItem>("实验", r => r.Title, 36),
        new("学校", r => r.SchoolName, 28),
        new("教师", r => r.TeacherName, 10),
        new("班级", r => r.ClassName, 12),
        new("学科", r => r.Subject?.DisplayName(), 10),
        new("类型", r => r.Kind?.DisplayName(), 16),
        new("上课日期", r => r.LessonDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 12),
        new("发布时间", r => r.PublishedAt is { } p ? ChinaTime.Format(p) : null, 18),
        new("审核人", r => r.ReviewerName ?? "自审发布", 10),
    ];

    private static async Task<List<GalleryItem>> PageAsync(IQueryable<LabRecord> records, int page, int size, CancellationToken cancellationToken) =>
        await records.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id)
            .Skip(Math.Max(0, page) * size).Take(size)
            .Select(r => new GalleryItem(r.Id, r.Title, r.Subject, r.Kind, r.SchoolName, r.TeacherName, r.ClassName, r.LessonDate, r.PublishedAt, r.ReviewerName,
                LabMediaView.ThumbnailUrlOf(r.Media.Where(m => m.Slot == LabMediaSlot.FrontToBack && m.ThumbnailKey != null).Select(m => (long?)m.Id).FirstOrDefault())))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The gallery's rows: shown records, which <see cref="LabRecordJurisdiction.VisibleTo"/> opens to every signed-in
    /// caller. Written as a plain filter so the gallery's indexes serve it (the OR of VisibleTo defeats them).
    /// </summary>
    public static IQueryable<LabRecord> Shown(EduPortalDbContext db) => db.LabRecords.AsNoTracking().Where(r => r.Shown);

    public static IQueryable<LabRecord> Filter(IQueryable<LabRecord> records, GalleryQuery query)
    {
        if (query.CountyId is { } county)
        {
            records = records.Where(r => r.CountyId == county);
        }
        if (query.SchoolId is { } school)
        {
            records = records.Where(r => r.SchoolId == school);
        }
        if (query.Subject is { } subject)
        {
            records = records.Where(r => r.Subject == subject);
        }
        if (query.Kind is { } kind)
        {
            records = records.Where(r => r.Kind == kind);
        }
        if (query.From is { } from)
        {
            records = records.Where(r => r.LessonDate >= from);
        }
        if (query.To is { } to)
        {
            records = records.Where(r => r.LessonDate <= to);
        }
        return records;
    }

    /// <summary>Counties and schools for the gallery's filters (names only; the gallery is district-wide).</summary>
    public async Task<(IReadOnlyList<FilterOption> Counties, IReadOnlyList<FilterOption> Schools)> FilterOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.County || o.Kind == OrgUnitKind.School)
            .Select(o => new { o.Id, o.Name, o.Kind, o.Path }).ToListAsync(cancellationToken);
        var counties = units.Where(u => u.Kind == OrgUnitKind.County).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        var schools = units.Where(u => u.Kind == OrgUnitKind.School)
            .Select(s => new FilterOption(s.Id, s.Name, counties.FirstOrDefault(c => s.Path.StartsWith(c.Path, StringComparison.Ordinal))?.Id))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        return (counties.Select(c => new FilterOption(c.Id, c.Name)).ToList(), schools);
    }

    /// <summary>A record's detail page, if the caller may see it; the actions offered follow the rules of <see cref="LabRecord"/>.</summary>
    public async Task<Result<LabRecordView>> GetAsync(Caller caller, long recordId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.LabRecords.AsNoTracking().VisibleTo(caller).Include(r => r.Media).Include(r => r.Transitions)
            .AsSplitQuery().SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null)
        {
            return new NotFoundError();
        }
        var experiment = record.ExperimentId is { } experimentId
            ? await db.LabExperiments.AsNoTracking().Where(e => e.Id == experimentId).Select(e => new { e.Code, e.Name }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var countyName = await db.OrgUnits.AsNoTracking().Where(o => o.Id == record.CountyId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        var owner = record.IsOwnedBy(caller);
        var reviewer = record.IsOverseenBy(caller);
        var can = record.PermissionsFor(caller);
        // Who reported a record is for the reviewing admins; its teacher sees the reason only.
        var history = can.SeeHistory
            ? record.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id)
                .Select(t => new LabTransitionView(t.At, t.Action == LabActions.Report && !reviewer ? "（举报人）" : t.ActorName, t.From, t.To, t.Action, t.Reason))
                .ToList()
            : [];
        return new LabRecordView(record.Id, record.TeacherName, record.SchoolId, record.SchoolName, countyName, record.Details,
            experiment?.Name ?? record.Title ?? "（未填写实验名称）", experiment?.Code, record.State, record.PublishedAt,
            record.ReviewerName, record.ReviewComment, record.ReviewedAt,
            owner || reviewer ? record.ReportReason : null, record.Version,
            record.Media.OrderBy(m => m.Slot).Select(LabMediaView.From).ToList(), history, can);
    }
}
