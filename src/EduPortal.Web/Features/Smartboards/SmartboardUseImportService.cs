using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Auditing;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards;

/// <summary>One row of a use-record import and its problems (empty when it is fine).</summary>
public sealed record UseImportRow(int RowNumber, string DateText, string RoomText, string SubjectText, string TeacherText, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

public sealed record UseImportResult(int Imported, int Periods, IReadOnlyList<UseImportRow> Rows)
{
    public IEnumerable<UseImportRow> Rejected => Rows.Where(r => !r.IsValid);
}

/// <summary>
/// The school admin's import of use records kept elsewhere (a paper log or the school's own sheet): a template, every
/// row checked with the form's rule (<see cref="SmartboardLesson.Validate"/>), unknown rooms and teachers named per row,
/// and nothing saved unless every row is right — like the device ledger import, through the same uploaded-workbook helper.
/// </summary>
public sealed class SmartboardUseImportService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxRows = 10_000;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    private static readonly string[] Headers = ["上课日期", "班级/教室", "学科", "课时（节）", "授课教师"];

    private static readonly ImportSheetLayout Layout = new(Headers, MaxRows, "文件中没有课时记录")
    {
        HeaderMessage = $"表头与模板不一致：应为 {string.Join("、", Headers)}；请使用下载的模板",
    };

    public static byte[] BuildTemplate() =>
        ImportTemplate.Build("应用课时", Headers, c => c == 1 ? 18 : 14, ["2026-09-07", "七年级1班", "数学", "1", "王老师"],
        [
            "1. 每行一条记录：某天在某教室用班班通设备上某学科的课时数。第 2 行为示例，导入前请删除。",
            "2. 上课日期按 2026-09-07 填写，不能晚于今天，只能导入一年以内的记录。",
            "3. 班级/教室：填写设备台账中已登记的教室名称。",
            $"4. 学科：{string.Join("、", LessonSubjects.All)}。",
            $"5. 课时：1–{SmartboardLesson.MaxPeriods} 节。",
            "6. 授课教师：本校在职教职工的姓名；本校有同名教师时请填写其登录名。",
            "7. 任一行有错误时整份文件都不导入，请按页面列出的行号修改后重新上传。",
        ]);

    public async Task<Result<UseImportResult>> ImportAsync(Caller caller, Stream content, CancellationToken cancellationToken = default)
    {
        if (caller.OrgKind != OrgUnitKind.School || !SmartboardAccess.CanManage(caller, caller.OrgUnitId))
        {
            return new ForbiddenError("只有本校管理员可以导入课时。");
        }
        var parsed = await ImportSheet.ReadAsync(content, null, Layout, cancellationToken);
        if (!parsed.Succeeded)
        {
            return parsed.Error!;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schoolId = caller.OrgUnitId;
        var rooms = (await db.Classrooms.AsNoTracking().Where(c => c.SchoolId == schoolId).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Name, StringComparer.Ordinal);
        var staff = await db.Users.AsNoTracking().ActiveServing().Where(u => u.OrgUnitId == schoolId)
            .Select(u => new { u.Id, u.UserName, u.RealName }).ToListAsync(cancellationToken);
        var byLogin = staff.Where(s => s.UserName != null).ToDictionary(s => s.UserName!, StringComparer.OrdinalIgnoreCase);
        var byName = staff.ToLookup(s => s.RealName, StringComparer.Ordinal);
        var today = ChinaTime.Today(clock);
        var results = new List<UseImportRow>(parsed.Value!.Count);
        var accepted = new List<SmartboardLesson>();
        foreach (var (rowNumber, cells) in parsed.Value!)
        {
            var errors = new List<string>();
            // Fields whose cell could not be read are reported once, with the cell's text; the form's own rule checks the rest.
            var reported = new HashSet<string>(StringComparer.Ordinal);
            void Problem(string field, string message)
            {
                reported.Add(field);
                errors.Add(message);
            }
            DateOnly? date = ParseDate(cells[0]);
            if (cells[0].Length == 0)
            {
                Problem(nameof(SmartboardLesson.TaughtOn), "请填写上课日期");
            }
            else if (date is null)
            {
                Problem(nameof(SmartboardLesson.TaughtOn), $"上课日期“{cells[0]}”无法识别，请按 2026-09-07 填写");
            }
            var room = cells[1].Length > 0 ? rooms.GetValueOrDefault(cells[1]) : null;
            if (cells[1].Length == 0)
            {
                Problem("Classroom", "请填写班级/教室");
            }
            else if (room is null)
            {
                Problem("Classroom", $"教室“{cells[1]}”不在本校设备台账中");
            }
            if (cells[2].Length == 0)
            {
                Problem(nameof(SmartboardLesson.Subject), "请填写学科");
            }
            else if (!LessonSubjects.IsKnown(cells[2]))
            {
                Problem(nameof(SmartboardLesson.Subject), $"学科“{cells[2]}”无法识别");
            }
            int? periods = int.TryParse(cells[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;
            if (cells[3].Length > 0 && periods is null)
            {
                Problem(nameof(SmartboardLesson.Periods), $"课时“{cells[3]}”应为整数");
            }
            var teacher = cells[4].Length == 0 ? null : byLogin.GetValueOrDefault(cells[4]);
            if (cells[4].Length == 0)
            {
                Problem("Teacher", "请填写授课教师");
            }
            else if (teacher is null)
            {
                var named = byName[cells[4]].ToList();
                if (named.Count == 1)
                {
                    teacher = named[0];
                }
                else if (named.Count > 1)
                {
                    Problem("Teacher", $"本校有 {named.Count} 名教师叫“{cells[4]}”，请填写其登录名");
                }
                else
                {
                    Problem("Teacher", $"授课教师“{cells[4]}”不是本校在职教职工");
                }
            }
            if (SmartboardLesson.Validate(cells[2], date, periods, today) is { } invalid)
            {
                errors.AddRange(invalid.Fields.Where(f => !reported.Contains(f.Key)).Select(f => f.Value));
            }
            if (errors.Count == 0)
            {
                var imported = SmartboardLesson.Import(caller, room!, teacher!.Id, teacher.RealName, schoolId, cells[2], date, periods, clock);
                if (imported.Succeeded)
                {
                    accepted.Add(imported.Value!);
                }
                else
                {
                    errors.Add(imported.Error!.Message);
                }
            }
            results.Add(new UseImportRow(rowNumber, cells[0], cells[1], cells[2], cells[4], errors));
        }
        if (results.Any(r => !r.IsValid))
        {
            return new UseImportResult(0, 0, results);
        }
        // The lessons are tracked before the transaction, so a retry inserts them again with new keys (Transactions).
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.SmartboardLessons.AddRange(accepted);
        return await db.InTransactionAsync(async ct =>
        {
            db.Audit(caller, clock, AuditActions.SmartboardLessonsImported, SmartboardUseService.LessonEntity, schoolId.ToString(CultureInfo.InvariantCulture),
                caller.OrgPath, $"{caller.RealName} 导入{caller.OrgUnitName}班班通应用课时 {accepted.Count} 条，共 {accepted.Sum(l => l.Periods)} 节",
                null, new { 条数 = accepted.Count, 课时 = accepted.Sum(l => l.Periods), 最早 = ChinaTime.FormatDate(accepted.Min(l => l.TaughtOn)), 最晚 = ChinaTime.FormatDate(accepted.Max(l => l.TaughtOn)) });
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            return new UseImportResult(accepted.Count, accepted.Sum(l => l.Periods), results);
        }, cancellationToken);
    }

    private static DateOnly? ParseDate(string text)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }
}
