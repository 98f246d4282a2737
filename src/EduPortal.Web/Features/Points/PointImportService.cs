using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClosedXML.Excel;
using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Data.Points;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Points;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Points;

public sealed record PointImportRow(int RowNumber, string Phone, string TypeText, string TimeText, PointRowStatus Status, string? Error);

public sealed record PointImportResult(int Created, int Duplicates, int Updated, IReadOnlyList<PointImportRow> Rows)
{
    public IEnumerable<PointImportRow> Rejected => Rows.Where(r => r.Status == PointRowStatus.Rejected);
}

/// <summary>
/// Excel/CSV import of point events by a school or county admin (积分事件导入): the downloadable template,
/// a check of every row (bad rows reported with their row number and reason, good rows kept), idempotent
/// per importing unit, teachers only within the admin's jurisdiction.
/// </summary>
public sealed class PointImportService(IDbContextFactory<EduPortalDbContext> dbFactory, PointEventStore events, PointRecomputation recomputation, TimeProvider clock)
{
    public const int MaxRows = 5000;
    public const long MaxFileBytes = 5 * 1024 * 1024;
    private static readonly string[] Headers = ["手机号", "事件类型", "发生时间", "数量", "数量2", "编号"];

    public static byte[] BuildTemplate()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("积分事件");
        for (var c = 0; c < Headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = Headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
            sheet.Column(c + 1).Width = c is 1 or 2 ? 20 : 14;
        }
        sheet.Column(1).Style.NumberFormat.Format = "@";
        sheet.Column(3).Style.NumberFormat.Format = "@";
        sheet.Cell(2, 1).SetValue("13912345678");
        sheet.Cell(2, 2).Value = "互动授课";
        sheet.Cell(2, 3).SetValue("2026-03-02 08:30");
        sheet.Cell(2, 4).Value = 40;
        sheet.Cell(2, 6).SetValue("JX-0001");
        var help = workbook.Worksheets.Add("填写说明");
        var lines = new List<string>
        {
            "1. 每行一个积分事件；手机号、事件类型、发生时间必填。第 2 行为示例，导入前请删除。",
            "2. 发生时间按北京时间填写，格式 2026-03-02 08:30。",
            "3. 数量：达标条件所计的数字（如互动授课的分钟数、导学检测的阅读人数）；数量2 仅班级活动填写点评或分享的作品数。",
            "4. 编号：来源系统中该事件的编号，可不填；同一单位重复导入同一编号只计一次，数量变化时更新。",
            "5. 事件类型（填写名称）：",
        };
        // Only the rows an import may supply (issue 10): the portal's own events (空间登录, 信息完善, 实验课发布) are recorded by the portal.
        lines.AddRange(DefaultPointRules.Rules.Where(r => r.AllowedOrigins.HasFlag(PointEventOrigins.Import))
            .Select(r => $"    {r.Name}（{r.Category.DisplayName()}）：{r.RuleText}"));
        lines.Add("6. 不能为自己的账号导入积分事件；空间登录、信息完善、实验课发布由本平台自动记录，不接受导入。");
        for (var i = 0; i < lines.Count; i++)
        {
            help.Cell(i + 1, 1).Value = lines[i];
        }
        help.Column(1).Width = 90;
        return ExcelExport.Save(workbook);
    }

    /// <summary>Checks and records every row; rows that fail are reported, the rest are kept.</summary>
    public async Task<Result<PointImportResult>> ImportAsync(Caller caller, Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return new ForbiddenError("只有管理员可以导入积分事件。");
        }
        var parsed = await ReadAsync(content, fileName, cancellationToken);
        if (!parsed.Succeeded)
        {
            return parsed.Error!;
        }
        var raw = parsed.Value!;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var phones = raw.Select(r => PhoneNumbers.Normalize(r.Cells[0])).Distinct().ToList();
        var teachers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in phones.Chunk(500))
        {
            foreach (var t in await db.Users.AsNoTracking().PointTeachersWithin(caller).Where(u => chunk.Contains(u.PhoneNumber!))
                .Select(u => new { u.Id, u.PhoneNumber }).ToListAsync(cancellationToken))
            {
                teachers[t.PhoneNumber!] = t.Id;
            }
        }
        var now = clock.GetUtcNow();
        var times = raw.Select(r => TryParseTime(r.Cells[2], out var at) ? at : (DateTimeOffset?)null).ToList();
        var rulesFor = await PointRuleSets.ForDaysAsync(db, times.OfType<DateTimeOffset>()
            .Where(t => PointEventRow.CheckTime(t, now, PointEventOrigins.Import) is null).Select(PointEngine.ChinaDay), cancellationToken);
        var rows = new PointImportRow?[raw.Count];
        var accepted = new List<(int Index, IncomingPointEvent Event)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < raw.Count; i++)
        {
            var (rowNumber, cells) = raw[i];
            var phone = PhoneNumbers.Normalize(cells[0]);
            void Fail(string message) => rows[i] = new PointImportRow(rowNumber, phone, cells[1], cells[2], PointRowStatus.Rejected, message);
            if (!teachers.TryGetValue(phone, out var teacherId))
            {
                Fail(phone.Length == 0 ? "手机号为空" : $"手机号 {phone} 不是您管辖范围内的在校教师");
                continue;
            }
            if (times[i] is not { } occurredAt)
            {
                Fail(cells[2].Length == 0 ? "发生时间为空" : $"发生时间“{cells[2]}”无法识别，请按 2026-03-02 08:30 填写");
                continue;
            }
            var valid = new PointEventRow(teacherId, cells[1], occurredAt).Validate(PointEventOrigins.Import, rulesFor, now, importerId: caller.UserId);
            if (!valid.Succeeded)
            {
                Fail(valid.Error!.Message);
                continue;
            }
            var rule = valid.Value!;
            int? quantity = null, secondary = null;
            if (cells[3].Length > 0)
            {
                if (!int.TryParse(cells[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var q) || q < 0)
                {
                    Fail($"数量“{cells[3]}”应为非负整数");
                    continue;
                }
                quantity = q;
            }
            if (cells[4].Length > 0)
            {
                if (!int.TryParse(cells[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var q) || q < 0)
                {
                    Fail($"数量2“{cells[4]}”应为非负整数");
                    continue;
                }
                secondary = q;
            }
            var externalId = cells[5].Trim();
            if (externalId.Length == 0)
            {
                // No id given: the row's own content identifies it, so importing the same file twice counts once.
                externalId = "row-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{phone}|{rule.Type}|{occurredAt.UtcTicks}")))[..24];
            }
            if (externalId.Length > PointEvent.MaxExternalIdLength)
            {
                Fail($"编号不能超过 {PointEvent.MaxExternalIdLength} 个字符");
                continue;
            }
            if (seen.TryGetValue(externalId, out var firstRow))
            {
                Fail($"与第 {firstRow} 行重复");
                continue;
            }
            seen[externalId] = rowNumber;
            accepted.Add((i, new IncomingPointEvent(teacherId, rule.Type, occurredAt, externalId, quantity, secondary)));
        }
        var source = PointSources.ImportPrefix + caller.OrgUnitId.ToString(CultureInfo.InvariantCulture);
        if (accepted.Count > 0)
        {
            var outcomes = await events.RecordAsync(source, accepted.Select(a => a.Event).ToList(), cancellationToken);
            for (var n = 0; n < accepted.Count; n++)
            {
                var (rowNumber, cells) = raw[accepted[n].Index];
                rows[accepted[n].Index] = new PointImportRow(rowNumber, PhoneNumbers.Normalize(cells[0]), cells[1], cells[2], outcomes[n].Status, outcomes[n].Error);
            }
            await recomputation.RecomputeDirtyAsync(cancellationToken);
        }
        var list = rows.Select(r => r!).ToList();
        var result = new PointImportResult(list.Count(r => r.Status == PointRowStatus.Created), list.Count(r => r.Status == PointRowStatus.Duplicate),
            list.Count(r => r.Status == PointRowStatus.Updated), list);
        db.Audit(caller, clock, AuditActions.PointEventsImported, "PointEvents", source, caller.OrgPath,
            $"导入积分事件：新增 {result.Created} 条，更新 {result.Updated} 条，重复 {result.Duplicates} 条，错误 {result.Rejected.Count()} 条（{fileName}）");
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private static bool TryParseTime(string text, out DateTimeOffset occurredAt)
    {
        occurredAt = default;
        string[] formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm", "yyyy-MM-dd"];
        if (!DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }
        // The sheet is in China time.
        occurredAt = new DateTimeOffset(local, ChinaTime.Zone.GetUtcOffset(local));
        return true;
    }

    private static Task<Result<List<(int Row, string[] Cells)>>> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken) =>
        ImportSheet.ReadAsync(content, fileName, Headers, MaxRows, "文件中没有积分事件", cancellationToken);
}
