using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards.Competitions;

/// <summary>
/// A school's demo lessons (观摩课、示范课, circular 003 §三.2: 各学校全年不少于2次) and each school's yearly count against
/// that rule, rolled up per township, county and city with the schools below flagged.
/// </summary>
public sealed class DemoLessonService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public const string Entity = nameof(DemoLesson);

    public int CurrentYear => DemoLessonRule.CurrentYear(clock);

    /// <summary>The form of a school's admin; null for anyone else.</summary>
    public async Task<DemoLessonForm?> FormAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.OrgKind != OrgUnitKind.School || !DemoLesson.MayRecord(caller, caller.OrgUnitId))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await SchoolFormAsync(db, caller, cancellationToken);
    }

    /// <summary>The school's teachers, rooms and subjects (shared with the competition entry form).</summary>
    internal static async Task<DemoLessonForm> SchoolFormAsync(EduPortalDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var school = await db.OrgUnits.AsNoTracking().Where(o => o.Id == caller.OrgUnitId)
            .Select(o => new { o.Name, o.Stage, Grades = o.Classes.Select(c => c.Grade).ToList() }).SingleAsync(cancellationToken);
        var teachers = await db.Users.AsNoTracking().ActiveServing().Where(u => u.OrgUnitId == caller.OrgUnitId).OrderBy(u => u.RealName)
            .Select(u => new DemoTeacherOption(u.Id, u.RealName)).ToListAsync(cancellationToken);
        var rooms = await db.Classrooms.AsNoTracking().WithinJurisdiction(caller).OrderBy(c => c.Name).Select(c => new DemoRoomOption(c.Id, c.Name))
            .ToListAsync(cancellationToken);
        return new DemoLessonForm(caller.OrgUnitId, school.Name, teachers, rooms, LessonSubjects.TaughtAt(school.Stage, school.Grades));
    }

    /// <summary>The school (with its county) and a teacher of it, read from the database; null when the teacher is not an active account of the school.</summary>
    internal static async Task<(DemoLessonSchool School, DemoLessonTeacher? Teacher)> SchoolAndTeacherAsync(EduPortalDbContext db, int schoolId, string? teacherId,
        CancellationToken cancellationToken)
    {
        var school = await db.OrgUnits.AsNoTracking().Where(o => o.Id == schoolId).Select(o => new { o.Id, o.Name, o.Path }).SingleAsync(cancellationToken);
        var ancestors = OrgUnit.AncestorPaths(school.Path);
        var countyPath = ancestors.Count > 1 ? ancestors[1] : school.Path;
        var countyId = await db.OrgUnits.AsNoTracking().Where(o => o.Path == countyPath).Select(o => o.Id).SingleAsync(cancellationToken);
        var teacher = string.IsNullOrEmpty(teacherId) ? null
            : await db.Users.AsNoTracking().ActiveServing().Where(u => u.Id == teacherId)
                .Select(u => new DemoLessonTeacher(u.Id, u.RealName, u.OrgUnitId)).SingleOrDefaultAsync(cancellationToken);
        return (new DemoLessonSchool(school.Id, school.Name, school.Path, countyId), teacher);
    }

    public async Task<Result<int>> RecordAsync(Caller caller, DemoLessonInput input, CancellationToken cancellationToken = default)
    {
        if (caller.OrgKind != OrgUnitKind.School)
        {
            return new ForbiddenError("只有本校管理员可以登记观摩课、示范课。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (school, teacher) = await SchoolAndTeacherAsync(db, caller.OrgUnitId, input.TeacherId, cancellationToken);
        if (input.TeacherId is not null && teacher is null)
        {
            return ValidationError.For("TeacherId", "授课教师须为本校在职教职工");
        }
        // A room of another school is refused like one that does not exist.
        Classroom? room = null;
        if (input.ClassroomId is { } roomId)
        {
            room = await db.Classrooms.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(c => c.Id == roomId, cancellationToken);
            if (room is null)
            {
                return ValidationError.For("ClassroomId", "请选择本校的教室");
            }
        }
        return await db.AddAuditedAsync(DemoLesson.Record(caller, school, input.Kind, teacher, input.Subject, input.Topic, input.HeldOn, room, input.Notes, input.EvidenceLink, clock),
            lesson => lesson.Id, lesson => db.Audit(caller, clock, AuditActions.SmartboardDemoLessonRecorded, Entity,
            lesson.Id.ToString(CultureInfo.InvariantCulture), lesson.SchoolPath,
            $"{caller.RealName} 登记{lesson.Kind.DisplayName()}“{lesson.Topic}”（{lesson.TeacherName}，{lesson.Subject}，{ChinaTime.FormatDate(lesson.HeldOn)}）",
            null, Snapshot(lesson)), cancellationToken);
    }

    public async Task<Result> DeleteAsync(Caller caller, int lessonId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RemoveAuditedAsync(db.DemoLessons.WithinJurisdiction(caller).Where(l => l.Id == lessonId), l => l.PermissionsFor(caller).CanDelete,
            "只有本校管理员可以删除观摩课、示范课记录。",
            lesson => db.Audit(caller, clock, AuditActions.SmartboardDemoLessonDeleted, Entity, lesson.Id.ToString(CultureInfo.InvariantCulture), lesson.SchoolPath,
                $"{caller.RealName} 删除{lesson.Kind.DisplayName()}“{lesson.Topic}”（{ChinaTime.FormatDate(lesson.HeldOn)}）", Snapshot(lesson), null),
            cancellationToken);
    }

    /// <summary>The demo lessons of a year the caller may see, newest first (at most 500).</summary>
    public async Task<IReadOnlyList<DemoLessonRow>> ListAsync(Caller caller, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var lessons = await db.DemoLessons.AsNoTracking().WithinJurisdiction(caller).Where(l => l.HeldOn >= from && l.HeldOn < to)
            .OrderByDescending(l => l.HeldOn).ThenByDescending(l => l.Id).Take(500).ToListAsync(cancellationToken);
        var schoolIds = lessons.Select(l => l.SchoolId).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(o => schoolIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return lessons.Select(l => new DemoLessonRow(l.Id, names.GetValueOrDefault(l.SchoolId, ""), l.HeldOn, l.Kind, l.TeacherName, l.Subject, l.Topic, l.ClassroomName,
            l.Notes, l.EvidenceLink, l.PermissionsFor(caller))).ToList();
    }

    /// <summary>The caller's own unit's report for a year (admins only).</summary>
    public Task<DemoLessonReport?> ReportAsync(Caller caller, int year, CancellationToken cancellationToken = default) =>
        ReportUnits.OfCallerAsync(dbFactory, caller, (db, scope) => ReportAsync(db, scope, year, cancellationToken), cancellationToken);

    /// <summary>Every school of <paramref name="scope"/> with its demo lessons of <paramref name="year"/>, and the roll-up of each unit directly under it.</summary>
    internal static async Task<DemoLessonReport> ReportAsync(EduPortalDbContext db, OrgUnit scope, int year, CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var units = await ReportUnits.LoadAsync(db, scope, classes: false, cancellationToken);
        var counts = (await db.DemoLessons.AsNoTracking().Where(l => l.SchoolPath.StartsWith(path) && l.HeldOn >= from && l.HeldOn < to)
            .GroupBy(l => new { l.SchoolId, l.Kind }).Select(g => new { g.Key.SchoolId, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToLookup(c => c.SchoolId);
        var schools = units.Schools.Select(s =>
        {
            var parent = units.Parent(s);
            var county = units.County(s);
            int Of(DemoLessonKind kind) => counts[s.Id].Where(c => c.Kind == kind).Sum(c => c.Count);
            return new SchoolDemoLessonRow(s.Id, s.Name, s.Path, county?.Name ?? "", parent?.Kind == OrgUnitKind.Township ? parent.Name : null,
                Of(DemoLessonKind.Observation), Of(DemoLessonKind.Model));
        }).OrderBy(r => r.Meets).ThenBy(r => r.CountyName, StringComparer.Ordinal).ThenBy(r => r.TownshipName ?? "", StringComparer.Ordinal)
        .ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

        UnitDemoLessonRow Roll(int id, string name, OrgUnitKind kind, string unitPath)
        {
            var own = schools.Where(r => r.Path.StartsWith(unitPath, StringComparison.Ordinal)).ToList();
            return new UnitDemoLessonRow(id, name, kind, own.Count, own.Count(r => r.Meets), own.Sum(r => r.Total));
        }
        var children = units.Children
            .Select(u => Roll(u.Id, u.Name, u.Kind, u.Path)).ToList();
        return new DemoLessonReport(year, Roll(scope.Id, scope.Name, scope.Kind, path), children, schools);
    }

    /// <summary>The per-school table, naming the scope, the period counted and when it was made.</summary>
    public byte[] BuildWorkbook(DemoLessonReport report) => ExcelExport.Build("观摩课示范课", SchoolColumns, report.Schools,
        $"{report.Scope.Name} {report.Year}年观摩课、示范课开展情况（每校全年不少于 {DemoLessonRule.MinPerYear} 次；达标 {report.Scope.SchoolsMeeting}/{report.Scope.Schools} 校）"
        + $" · 统计期间 {report.Year}-01-01 至 {report.Year}-12-31 · 导出时间 {ChinaTime.Format(clock.GetUtcNow())}");

    public string FileName(DemoLessonReport report) => $"{report.Scope.Name}-{report.Year}年观摩课示范课-{ChinaTime.ToChina(clock.GetUtcNow()):yyyyMMdd-HHmm}.xlsx";

    public static readonly IReadOnlyList<ExcelColumn<SchoolDemoLessonRow>> SchoolColumns =
    [
        .. ReportSchoolColumns.Place<SchoolDemoLessonRow>(schoolWidth: 24),
        new("观摩课", r => r.Observation, 8),
        new("示范课", r => r.Model, 8),
        new("合计", r => r.Total, 8),
        new("是否达标（≥2次）", r => r.Meets ? "达标" : $"未达标（差 {r.Missing} 次）", 18),
    ];

    private static object Snapshot(DemoLesson l) => new
    {
        类别 = l.Kind.DisplayName(),
        教师 = l.TeacherName,
        学科 = l.Subject,
        课题 = l.Topic,
        日期 = ChinaTime.FormatDate(l.HeldOn),
        教室 = l.ClassroomName,
        说明 = l.Notes,
        链接 = l.EvidenceLink,
    };
}
