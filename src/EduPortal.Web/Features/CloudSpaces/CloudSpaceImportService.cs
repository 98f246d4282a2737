using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.CloudSpaces;

/// <summary>
/// Import of the cloud platform's per-teacher statistics into a term (Excel template or UTF-8 CSV): every row is
/// checked; a row with an error, or a teacher who is not a serving teacher of the school, is reported with its row
/// number, and then nothing is saved. Targets entered by hand keep their figures.
/// </summary>
public sealed class CloudSpaceImportService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxRows = 20_000;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static readonly string[] Headers =
        ["手机号", "姓名", "文章数", "原创文章数", "课件数", "教学案数", "教学视频数", "其他资源数", "原创资源数", "照片数", "相册数", "页头已设置", "背景已设置", "自定义模块数", "常用应用数"];

    public static byte[] BuildTemplate() =>
        ImportTemplate.Build("云空间统计", Headers, c => c == 0 ? 16 : 11, ["13912345678", "张老师", 20, 8, 6, 4, 2, 3, 6, 18, 3, "是", "是", 4, 3],
        [
            "1. 每行一位教师，按“武汉教育云”平台的教师空间统计填写本学期数字。第 2 行为示例，导入前请删除。",
            "2. 手机号用于找到本校在岗教师（与本平台账号的手机号一致）；姓名仅供核对。",
            "3. 数字填写非负整数；页头已设置、背景已设置填写“是”或“否”。某项留空视为“未提供数据”，该目标判为未达标。",
            "4. 原创文章数不能大于文章数；原创资源数不能大于课件、教学案、教学视频、其他资源的总数。",
            "5. 每周登录次数和积分取自本平台的深度应用积分，个人信息取自教师账号，都不在本表填写。",
            "6. 任一行有错误（含找不到的教师）时整份文件不导入，页面列出行号和原因；管理员人工录入过的目标不被导入覆盖。",
        ]);

    public async Task<Result<CloudSpaceImportResult>> ImportAsync(Caller caller, int termId, Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var term = await db.CloudSpaceTerms.ManagedBy(caller).SingleOrDefaultAsync(t => t.Id == termId, cancellationToken);
        if (term is null)
        {
            return new NotFoundError();
        }
        var parsed = await ImportSheet.ReadAsync(content, fileName, Headers, MaxRows, "文件中没有教师统计", cancellationToken);
        if (!parsed.Succeeded)
        {
            return parsed.Error!;
        }
        var raw = parsed.Value!;
        var teachers = new Dictionary<string, (string Id, string Name)>(StringComparer.Ordinal);
        foreach (var t in await db.Users.AsNoTracking().PointEarners().Serving().Where(u => u.OrgUnitId == term.SchoolId && u.PhoneNumber != null)
            .Select(u => new { u.Id, u.PhoneNumber, u.RealName }).ToListAsync(cancellationToken))
        {
            teachers[t.PhoneNumber!] = (t.Id, t.RealName);
        }
        var rows = new List<CloudSpaceImportRow>(raw.Count);
        var accepted = new List<(string TeacherId, string Name, CloudSpaceInputs Figures)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (rowNumber, cells) in raw)
        {
            var errors = new List<string>();
            var phone = PhoneNumbers.Normalize(cells[0]);
            string? teacherId = null;
            var teacherName = "";
            if (phone.Length == 0)
            {
                errors.Add("手机号为空");
            }
            else if (!teachers.TryGetValue(phone, out var teacher))
            {
                errors.Add($"手机号 {phone} 不是本校在岗教师");
            }
            else if (seen.TryGetValue(teacher.Id, out var first))
            {
                errors.Add($"与第 {first} 行是同一位教师");
            }
            else
            {
                (teacherId, teacherName) = teacher;
                seen[teacher.Id] = rowNumber;
            }
            int? Number(int column)
            {
                var text = cells[column];
                if (text.Length == 0)
                {
                    return null;
                }
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0)
                {
                    return value;
                }
                errors.Add($"{Headers[column]}“{text}”应为非负整数");
                return null;
            }
            bool? YesNo(int column)
            {
                var text = cells[column];
                switch (text)
                {
                    case "":
                        return null;
                    case "是" or "已设置" or "1":
                        return true;
                    case "否" or "未设置" or "0":
                        return false;
                    default:
                        errors.Add($"{Headers[column]}“{text}”应填写“是”或“否”");
                        return null;
                }
            }
            var figures = new CloudSpaceInputs
            {
                Articles = Number(2),
                OriginalArticles = Number(3),
                Courseware = Number(4),
                LessonPlans = Number(5),
                Videos = Number(6),
                OtherResources = Number(7),
                OriginalResources = Number(8),
                Photos = Number(9),
                Albums = Number(10),
                HeaderSet = YesNo(11),
                BackgroundSet = YesNo(12),
                HomepageModules = Number(13),
                Apps = Number(14),
            };
            errors.AddRange(CloudSpaceFigureChecks.Consistency(figures));
            rows.Add(new CloudSpaceImportRow(rowNumber, phone, cells[1], errors));
            if (errors.Count == 0 && teacherId is not null)
            {
                accepted.Add((teacherId, teacherName, figures));
            }
        }
        if (rows.Any(r => r.Errors.Count > 0))
        {
            return new CloudSpaceImportResult(0, rows, []);
        }
        var now = clock.GetUtcNow();
        var existing = await db.CloudSpaceStatistics.Where(s => s.TermId == termId).ToDictionaryAsync(s => s.TeacherId, StringComparer.Ordinal, cancellationToken);
        var kept = new List<string>();
        foreach (var (teacherId, name, figures) in accepted)
        {
            if (!existing.TryGetValue(teacherId, out var statistic))
            {
                statistic = CloudSpaceStatistic.For(termId, term.SchoolId, teacherId, now);
                db.CloudSpaceStatistics.Add(statistic);
            }
            var manual = statistic.ApplyImport(figures, now);
            if (manual.Count > 0)
            {
                kept.Add($"{name}：{string.Join("、", manual.Select(t => t.DisplayName()))}");
            }
        }
        db.Audit(caller, clock, AuditActions.CloudSpaceStatisticsImported, "CloudSpaceTerm", termId.ToString(CultureInfo.InvariantCulture), term.SchoolPath,
            $"导入{term.Name}云空间统计：{accepted.Count} 位教师（{fileName}）" + (kept.Count > 0 ? $"；保留人工录入 {kept.Count} 人" : ""));
        await db.SaveChangesAsync(cancellationToken);
        return new CloudSpaceImportResult(accepted.Count, rows, kept);
    }
}
