using EduPortal.Data;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Infrastructure.Reports;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using SkiaSharp;

namespace EduPortal.Web.Features.Smartboards;

/// <summary>One asset label: what is printed and the address its QR code opens.</summary>
public sealed record DeviceLabel(long DeviceId, string SchoolName, string AssetTag, string TypeName, string? Make, string Place, string Url);

/// <summary>
/// Printable asset label sheets (Snipe-IT's labels): A4, 3 × 8 labels, each with a QR code that opens the device's page
/// on a phone (where a teacher reports a fault), the tag, type, make and room. Drawn through the one PDF helper.
/// </summary>
public sealed class SmartboardLabelService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public const int Columns = 3;
    public const int RowsPerPage = 8;
    private const float LabelHeight = 88;

    /// <summary>The device page's absolute address, which the QR code carries.</summary>
    public static string DeviceUrl(string baseUrl, long deviceId) => $"{baseUrl.TrimEnd('/')}/smartboards/devices/{deviceId}";

    /// <summary>
    /// Labels of a school's devices (all but scrapped ones, or just <paramref name="deviceIds"/>), for an admin whose
    /// subtree holds the school; null when the school is outside it (the endpoint answers 404).
    /// </summary>
    public async Task<IReadOnlyList<DeviceLabel>?> LabelsAsync(Caller caller, int schoolId, IReadOnlyCollection<long>? deviceIds, string baseUrl,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Id == schoolId && o.Kind == OrgUnitKind.School)
            .Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        if (school is null || !caller.IsAdmin)
        {
            return null;
        }
        var query = db.Devices.AsNoTracking().WithinJurisdiction(caller).Where(d => d.SchoolId == schoolId && d.Status != DeviceStatus.Scrapped);
        if (deviceIds is { Count: > 0 })
        {
            query = query.Where(d => deviceIds.Contains(d.Id));
        }
        var rows = await query
            .Select(d => new { d.Id, d.AssetTag, d.Type, d.Brand, d.Model, d.ClassroomId })
            .ToListAsync(cancellationToken);
        // Labels come out room by room in the school's order (classes by grade and number, then the special rooms, then the store room).
        var rooms = await db.Classrooms.AsNoTracking().Where(c => c.SchoolId == schoolId)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Kind,
                Grade = (int?)db.SchoolClasses.Where(k => k.Id == c.SchoolClassId).Select(k => k.Grade).FirstOrDefault(),
                Number = (int?)db.SchoolClasses.Where(k => k.Id == c.SchoolClassId).Select(k => k.Number).FirstOrDefault()
            })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        return rows
            .Select(r => new { Row = r, Room = r.ClassroomId is { } id ? rooms.GetValueOrDefault(id) : null })
            .OrderBy(x => x.Room is null ? 99 : (int)x.Room.Kind).ThenBy(x => x.Room?.Grade ?? 0).ThenBy(x => x.Room?.Number ?? 0)
            .ThenBy(x => x.Room?.Name ?? "", StringComparer.Ordinal).ThenBy(x => x.Row.AssetTag, StringComparer.Ordinal)
            .Select(x => new { x.Row.Id, x.Row.AssetTag, x.Row.Type, x.Row.Brand, x.Row.Model, Room = x.Room?.Name })
            .Select(r => new DeviceLabel(r.Id, school, r.AssetTag, r.Type.DisplayName(),
                string.Join(" ", new[] { r.Brand, r.Model }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } make ? make : null,
                r.Room ?? "库房", DeviceUrl(baseUrl, r.Id)))
            .ToList();
    }

    public byte[] BuildPdf(string schoolName, IReadOnlyList<DeviceLabel> labels)
    {
        var report = new PdfReport($"{schoolName}班班通设备资产标签");
        report.Heading($"{schoolName}班班通设备资产标签", 14)
            .Paragraph($"共 {labels.Count} 张 · 生成于 {ChinaTime.Format(clock.GetUtcNow())} · 沿虚线剪下贴于设备正面右下角", 8.5f, PdfAlign.Center)
            .Space(4);
        using var generator = new QRCodeGenerator();
        foreach (var row in labels.Chunk(Columns))
        {
            var codes = row.Select(l => generator.CreateQrCode(l.Url, QRCodeGenerator.ECCLevel.M)).ToList();
            report.Block(LabelHeight, (canvas, rect) =>
            {
                var width = rect.Width / Columns;
                for (var i = 0; i < row.Length; i++)
                {
                    DrawLabel(canvas, SKRect.Create(rect.Left + i * width, rect.Top, width, LabelHeight), row[i], codes[i]);
                }
            });
        }
        if (labels.Count == 0)
        {
            report.Paragraph("没有可打印的设备。");
        }
        return report.ToBytes();
    }

    private static void DrawLabel(SKCanvas canvas, SKRect box, DeviceLabel label, QRCodeData code)
    {
        using (var cut = new SKPaint { Color = new SKColor(0xB0, 0xB0, 0xB0), Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f, PathEffect = SKPathEffect.CreateDash([3, 2], 0) })
        {
            canvas.DrawRect(box, cut);
        }
        const float padding = 6;
        var qrSize = box.Height - 2 * padding;
        DrawQr(canvas, code, box.Left + padding - 2, box.Top + padding, qrSize);
        var textLeft = box.Left + padding + qrSize;
        var textWidth = box.Right - padding - textLeft;
        var y = box.Top + padding + 9;
        PdfReport.DrawTextLine(canvas, Fit(label.SchoolName, 7, textWidth), textLeft, textWidth, y, 7);
        y += 16;
        PdfReport.DrawTextLine(canvas, Fit(label.AssetTag, 11, textWidth), textLeft, textWidth, y, 11, bold: true);
        y += 14;
        PdfReport.DrawTextLine(canvas, Fit(label.TypeName, 8, textWidth), textLeft, textWidth, y, 8);
        y += 11;
        if (label.Make is { } make)
        {
            PdfReport.DrawTextLine(canvas, Fit(make, 7, textWidth), textLeft, textWidth, y, 7);
        }
        y += 11;
        PdfReport.DrawTextLine(canvas, Fit(label.Place, 7.5f, textWidth), textLeft, textWidth, y, 7.5f);
        PdfReport.DrawTextLine(canvas, "扫码查看 · 报修", textLeft, textWidth, box.Bottom - padding - 1, 7, bold: true);
    }

    /// <summary>The QR modules as filled squares (vector, sharp at any printer resolution); the matrix includes the quiet zone.</summary>
    private static void DrawQr(SKCanvas canvas, QRCodeData code, float left, float top, float size)
    {
        var matrix = code.ModuleMatrix;
        var module = size / matrix.Count;
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Fill };
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var column = 0; column < matrix[row].Count; column++)
            {
                if (matrix[row][column])
                {
                    // A hair wider than the module so neighbours join without seams in viewers.
                    canvas.DrawRect(SKRect.Create(left + column * module, top + row * module, module + 0.05f, module + 0.05f), paint);
                }
            }
        }
    }

    /// <summary>Clips text to a width, ending with … when cut.</summary>
    private static string Fit(string text, float size, float width)
    {
        if (PdfReport.Measure(text, size) <= width)
        {
            return text;
        }
        var end = text.Length;
        while (end > 1 && PdfReport.Measure(text[..end] + "…", size) > width)
        {
            end--;
        }
        return text[..end] + "…";
    }
}
