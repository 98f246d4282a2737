using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards.Training;

/// <summary>
/// 班班通 training records (circular 003 §三.1; circular 004 (五)1, (六)): recorded by the organising unit's admins,
/// with per-teacher hours for continuing education and the share of each school's teachers trained in a year.
/// </summary>
public sealed class TrainingService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public const string AuditRecord = "smartboards.training.record";
    public const string AuditDelete = "smartboards.training.delete";

    public int CurrentYear => ChinaTime.Today(clock).Year;

    public async Task<IReadOnlyList<TrainingSchoolOption>> SchoolsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Kind == OrgUnitKind.School).OrderBy(o => o.Path)
            .Select(o => new TrainingSchoolOption(o.Id, o.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Active, serving accounts of one school in the caller's subtree (empty for a school outside it).</summary>
    public async Task<IReadOnlyList<TrainingTeacherOption>> TeachersAsync(Caller caller, int schoolId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().WithinJurisdiction(caller).ActiveServing()
            .Where(u => u.OrgUnitId == schoolId && u.OrgUnit!.Kind == OrgUnitKind.School).OrderBy(u => u.RealName)
            .Select(u => new TrainingTeacherOption(u.Id, u.RealName, u.OrgUnitId, u.OrgUnit!.Name)).ToListAsync(cancellationToken);
    }

    public async Task<Result<int>> RecordAsync(Caller caller, TrainingInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = input.AttendeeIds.Distinct().ToList();
        // Attendees are read from the database with their schools; the domain refuses any outside the caller's subtree.
        var found = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.OrgUnit!.Kind == OrgUnitKind.School)
            .Select(u => new TrainingAttendee(u.Id, u.RealName, u.OrgUnitId, u.OrgUnit!.Name, u.OrgUnit.Path)).ToListAsync(cancellationToken);
        if (found.Count != ids.Count)
        {
            return ValidationError.For("Attendees", "参训人员须为学校的教职工账号");
        }
        if (ids.Count != input.AttendeeIds.Count)
        {
            return ValidationError.For("Attendees", "参训人员不能重复");
        }
        var recorded = TrainingRecord.Record(caller, input.Kind, input.Title, input.Organiser, input.HeldOn, input.Hours, found, clock);
        if (!recorded.Succeeded)
        {
            return recorded.Error!;
        }
        var training = recorded.Value!;
        db.TrainingRecords.Add(training);
        db.Audit(caller, clock, AuditRecord, nameof(TrainingRecord), $"org:{caller.OrgUnitId}", caller.OrgPath,
            $"{caller.RealName} 登记培训“{training.Title}”（{training.Kind.DisplayName()}，{ChinaTime.FormatDate(training.HeldOn)}，{Hours(training.Hours)} 学时，参训 {training.Attendances.Count} 人）",
            null, new
            {
                类别 = training.Kind.DisplayName(),
                名称 = training.Title,
                主办单位 = training.Organiser,
                日期 = ChinaTime.FormatDate(training.HeldOn),
                学时 = training.Hours,
                参训人员 = training.Attendances.Select(a => $"{a.SchoolName} {a.UserName}").ToList()
            });
        await db.SaveChangesAsync(cancellationToken);
        return training.Id;
    }

    public async Task<Result> DeleteAsync(Caller caller, int trainingId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RemoveAuditedAsync(db.TrainingRecords.Include(t => t.Attendances).WithinJurisdiction(caller).Where(t => t.Id == trainingId),
            t => t.PermissionsFor(caller).CanDelete, "只有登记单位的管理员可以删除该培训记录。",
            training => db.Audit(caller, clock, AuditDelete, nameof(TrainingRecord), training.Id.ToString(CultureInfo.InvariantCulture), training.OwnerPath,
                $"{caller.RealName} 删除培训记录“{training.Title}”（{ChinaTime.FormatDate(training.HeldOn)}，参训 {training.Attendances.Count} 人）",
                new { 名称 = training.Title, 日期 = ChinaTime.FormatDate(training.HeldOn), 学时 = training.Hours, 参训人数 = training.Attendances.Count }, null),
            cancellationToken);
    }

    /// <summary>The trainings of a year the caller may see, each with the attendees of the caller's subtree.</summary>
    public async Task<IReadOnlyList<TrainingRow>> ListAsync(Caller caller, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (from, to) = YearRange(year);
        var trainings = await db.TrainingRecords.AsNoTracking().Include(t => t.Attendances).WithinJurisdiction(caller)
            .Where(t => t.HeldOn >= from && t.HeldOn < to).OrderByDescending(t => t.HeldOn).ThenByDescending(t => t.Id).Take(500).ToListAsync(cancellationToken);
        return trainings.Select(t => new TrainingRow(t.Id, t.Kind, t.Title, t.Organiser, t.HeldOn, t.Hours, t.RecordedByName,
            t.Attendances.Where(a => caller.Covers(a.SchoolPath)).Select(a => a.UserName).ToList(), t.Attendances.Count, t.PermissionsFor(caller))).ToList();
    }

    /// <summary>Each teacher of the caller's subtree with training hours in the year (circular 004 (五)1: hours feed continuing education).</summary>
    public async Task<IReadOnlyList<TeacherHoursRow>> HoursAsync(Caller caller, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (from, to) = YearRange(year);
        var rows = await db.TrainingAttendances.AsNoTracking().WithinJurisdiction(caller).Where(a => a.HeldOn >= from && a.HeldOn < to)
            .Join(db.TrainingRecords, a => a.TrainingId, t => t.Id, (a, t) => new { a.UserId, a.UserName, a.SchoolName, a.SchoolPath, a.Hours, t.Kind })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UserId)
            .Select(g =>
            {
                decimal Of(TrainingKind kind) => g.Where(r => r.Kind == kind).Sum(r => r.Hours);
                var first = g.First();
                return new TeacherHoursRow(g.Key, first.UserName, first.SchoolName, g.Count(), Of(TrainingKind.Principal), Of(TrainingKind.KeyTeacher),
                    Of(TrainingKind.Technician), Of(TrainingKind.AllStaff), g.Sum(r => r.Hours));
            })
            .OrderBy(r => rows.First(x => x.UserId == r.UserId).SchoolPath, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Per school of the caller's subtree: serving teachers, how many attended any training in the year, and the share
    /// (circular 003 §三.1 全员教师培训计划); the totals are the county's or city's roll-up.
    /// </summary>
    public async Task<TrainingShareReport> ShareAsync(Caller caller, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (from, to) = YearRange(year);
        var schools = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Kind == OrgUnitKind.School).OrderBy(o => o.Path)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var teachers = (await db.Users.AsNoTracking().WithinJurisdiction(caller).ActiveServing().Where(u => u.OrgUnit!.Kind == OrgUnitKind.School)
            .GroupBy(u => u.OrgUnitId).Select(g => new { SchoolId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken)).ToDictionary(t => t.SchoolId, t => t.Count);
        var attended = await db.TrainingAttendances.AsNoTracking().WithinJurisdiction(caller).Where(a => a.HeldOn >= from && a.HeldOn < to)
            .Select(a => new { a.SchoolId, a.UserId, a.Hours }).ToListAsync(cancellationToken);
        // Only serving accounts count as trained, so the share stays within 0–100% when a trained teacher has left.
        var serving = (await db.Users.AsNoTracking().WithinJurisdiction(caller).ActiveServing().Where(u => u.OrgUnit!.Kind == OrgUnitKind.School)
            .Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var bySchool = attended.ToLookup(a => a.SchoolId);
        var rows = schools.Select(s => new SchoolTrainingShareRow(s.Id, s.Name, teachers.GetValueOrDefault(s.Id),
            bySchool[s.Id].Where(a => serving.Contains(a.UserId)).Select(a => a.UserId).Distinct().Count(), bySchool[s.Id].Sum(a => a.Hours))).ToList();
        return new TrainingShareReport(caller.OrgUnitName, year, rows, rows.Sum(r => r.Teachers), rows.Sum(r => r.Trained), rows.Sum(r => r.Hours));
    }

    /// <summary>The per-teacher hours list a continuing-education office takes, naming the year, the scope and when it was made.</summary>
    public byte[] BuildHoursWorkbook(Caller caller, int year, IReadOnlyList<TeacherHoursRow> rows)
    {
        var made = ChinaTime.ToChina(clock.GetUtcNow());
        return ExcelExport.Build("培训学时", HoursColumns, rows,
            $"{caller.OrgUnitName} {year}年班班通培训学时（继续教育）· 统计期间 {year}-01-01 至 {year}-12-31 · 导出时间 {made:yyyy-MM-dd HH:mm}");
    }

    public string HoursFileName(Caller caller, int year) => $"{caller.OrgUnitName}-{year}年班班通培训学时-{ChinaTime.ToChina(clock.GetUtcNow()):yyyyMMdd-HHmm}.xlsx";

    private static readonly IReadOnlyList<ExcelColumn<TeacherHoursRow>> HoursColumns =
    [
        new("学校", r => r.SchoolName, 28),
        new("姓名", r => r.Name, 12),
        new("培训次数", r => r.Trainings, 10),
        new("校长培训学时", r => r.Principal, 14, "0.0"),
        new("骨干教师培训学时", r => r.KeyTeacher, 16, "0.0"),
        new("技术人员培训学时", r => r.Technician, 16, "0.0"),
        new("全员培训学时", r => r.AllStaff, 14, "0.0"),
        new("合计学时", r => r.Total, 12, "0.0"),
    ];

    public static (DateOnly From, DateOnly To) YearRange(int year) => (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));

    public static string Hours(decimal hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);
}
