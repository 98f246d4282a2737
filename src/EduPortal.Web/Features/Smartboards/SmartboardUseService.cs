using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards;

/// <summary>What the quick form offers a teacher: the rooms of their school and the subjects it teaches.</summary>
public sealed record UseFormView(string SchoolName, IReadOnlyList<UseRoomOption> Rooms, IReadOnlyList<string> Subjects);

public sealed record UseRoomOption(int Id, string Name);

/// <summary>A recorded lesson as the teacher's list shows it.</summary>
public sealed record UseLessonRow(long Id, DateOnly TaughtOn, string ClassroomName, string Subject, int Periods, string TeacherName, bool CanDelete);

public sealed record UseLessonInput(int? ClassroomId, string? Subject, DateOnly? TaughtOn, int? Periods);

/// <summary>One school's use this term.</summary>
public sealed record SchoolUseRow(int SchoolId, string Name, string Path, string? TownshipName, string CountyName, int Classes, UseFigure Figure,
    IReadOnlyList<string> UnusedSubjects) : IReportSchoolRow;

/// <summary>A unit's roll-up (township, county, city) of its schools.</summary>
public sealed record UnitUseRow(int Id, string Name, OrgUnitKind Kind, int Schools, UseFigure Figure, int SchoolsBelowSubjectTarget);

public sealed record UseReport(UseTerm Term, int Weeks, UnitUseRow Scope, IReadOnlyList<UnitUseRow> Units, IReadOnlyList<SchoolUseRow> Schools);

/// <summary>
/// Use records (lessons taught with the 班班通 equipment) and the figures built on them: 学科覆盖率 (circular 003 §三.4)
/// and 多媒体课时覆盖率 (circular 004 §三(五)3), per school and rolled up per township, county and city.
/// </summary>
public sealed class SmartboardUseService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public const string LessonEntity = "SmartboardLesson";

    /// <summary>The form for staff of a school; null for anyone else.</summary>
    public async Task<UseFormView?> FormAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.OrgKind != OrgUnitKind.School)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().Where(o => o.Id == caller.OrgUnitId)
            .Select(o => new { o.Name, o.Stage, Grades = o.Classes.Select(c => c.Grade).ToList() }).SingleAsync(cancellationToken);
        // The rooms the caller is head teacher of come first: the form preselects the first.
        var rooms = await db.Classrooms.AsNoTracking().WithinJurisdiction(caller).OrderBy(c => c.ResponsibleUserId == caller.UserId ? 0 : 1).ThenBy(c => c.Name)
            .Select(c => new UseRoomOption(c.Id, c.Name)).ToListAsync(cancellationToken);
        return new UseFormView(school.Name, rooms, LessonSubjects.TaughtAt(school.Stage, school.Grades));
    }

    public async Task<Result<long>> RecordAsync(Caller caller, UseLessonInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A room of another school is "not found", the same as an id that does not exist.
        var room = input.ClassroomId is { } roomId
            ? await db.Classrooms.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(c => c.Id == roomId, cancellationToken)
            : null;
        if (room is null)
        {
            return input.ClassroomId is null ? ValidationError.For("ClassroomId", "请选择教室") : new NotFoundError();
        }
        return await db.AddAuditedAsync(SmartboardLesson.Record(caller, room, input.Subject, input.TaughtOn, input.Periods, clock),
            lesson => lesson.Id, lesson => db.Audit(caller, clock, AuditActions.SmartboardLessonRecorded, LessonEntity,
            lesson.Id.ToString(CultureInfo.InvariantCulture), lesson.SchoolPath,
            $"登记{lesson.ClassroomName} {lesson.Subject} {lesson.Periods} 节（{ChinaTime.FormatDate(lesson.TaughtOn)}）", null, Snapshot(lesson)), cancellationToken);
    }

    public async Task<Result> DeleteAsync(Caller caller, long lessonId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RemoveAuditedAsync(db.SmartboardLessons.WithinJurisdiction(caller).Where(l => l.Id == lessonId), l => l.PermissionsFor(caller).CanDelete,
            "只能删除自己登记的课时。",
            lesson => db.Audit(caller, clock, AuditActions.SmartboardLessonDeleted, LessonEntity, lesson.Id.ToString(CultureInfo.InvariantCulture), lesson.SchoolPath,
                $"删除{lesson.ClassroomName} {lesson.Subject} {lesson.Periods} 节（{ChinaTime.FormatDate(lesson.TaughtOn)}）", Snapshot(lesson), null),
            cancellationToken);
    }

    /// <summary>The caller's latest ten lessons of this term, newest first.</summary>
    public async Task<IReadOnlyList<UseLessonRow>> MyLessonsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var term = UseTerm.Of(ChinaTime.Today(clock));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lessons = await db.SmartboardLessons.AsNoTracking().WithinJurisdiction(caller)
            .Where(l => l.TeacherId == caller.UserId && l.TaughtOn >= term.Start)
            .OrderByDescending(l => l.TaughtOn).ThenByDescending(l => l.Id).Take(10).ToListAsync(cancellationToken);
        return lessons.Select(l => new UseLessonRow(l.Id, l.TaughtOn, l.ClassroomName, l.Subject, l.Periods, l.TeacherName, l.PermissionsFor(caller).CanDelete)).ToList();
    }

    /// <summary>The term report for the caller's own unit and its subtree (admins only).</summary>
    public Task<UseReport?> ReportAsync(Caller caller, CancellationToken cancellationToken = default) =>
        ReportUnits.OfCallerAsync(dbFactory, caller, (db, scope) => ReportAsync(db, scope, ChinaTime.Today(clock), cancellationToken), cancellationToken);

    /// <summary>The report of any unit for the term holding <paramref name="asOf"/> (the metric source's entry: the consumer applied jurisdiction).</summary>
    internal static async Task<UseReport> ReportAsync(EduPortalDbContext db, OrgUnit scope, DateOnly asOf, CancellationToken cancellationToken)
    {
        var path = scope.Path;
        var term = UseTerm.Of(asOf);
        var weeks = term.WeeksThrough(asOf);
        var units = await ReportUnits.LoadAsync(db, scope, classes: false, cancellationToken);
        var grades = (await db.SchoolClasses.AsNoTracking().Where(c => db.OrgUnits.Any(o => o.Id == c.SchoolId && o.Path.StartsWith(path)))
            .Select(c => new { c.SchoolId, c.Grade }).ToListAsync(cancellationToken))
            .ToLookup(c => c.SchoolId, c => c.Grade);
        var last = asOf < term.End ? asOf : term.End;
        var used = (await db.SmartboardLessons.AsNoTracking().Where(l => l.SchoolPath.StartsWith(path) && l.TaughtOn >= term.Start && l.TaughtOn <= last)
            .GroupBy(l => new { l.SchoolId, l.Subject }).Select(g => new { g.Key.SchoolId, g.Key.Subject, Periods = g.Sum(l => l.Periods) })
            .ToListAsync(cancellationToken)).ToLookup(u => u.SchoolId);
        var rows = units.Schools.Select(s =>
        {
            var parent = units.Parent(s);
            var county = units.County(s);
            var classGrades = grades[s.Id].ToList();
            var taught = LessonSubjects.TaughtAt(s.Stage, classGrades);
            var schoolUse = used[s.Id].ToList();
            var figure = UseFigure.ForSchool(taught, schoolUse.Select(u => u.Subject), LessonSubjects.WeeklyPeriods(classGrades), weeks, schoolUse.Sum(u => u.Periods));
            var unused = taught.Where(t => schoolUse.All(u => u.Subject != t)).ToList();
            return new SchoolUseRow(s.Id, s.Name, s.Path, parent?.Kind == OrgUnitKind.Township ? parent.Name : null, county?.Name ?? "", classGrades.Count, figure, unused);
        }).OrderBy(r => r.CountyName, StringComparer.Ordinal).ThenBy(r => r.TownshipName ?? "", StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
        .ToList();

        UnitUseRow Roll(int id, string name, OrgUnitKind kind, string unitPath)
        {
            var own = rows.Where(r => r.Path.StartsWith(unitPath, StringComparison.Ordinal)).ToList();
            return new UnitUseRow(id, name, kind, own.Count, own.Aggregate(new UseFigure(0, 0, 0, 0), (sum, r) => sum + r.Figure),
                own.Count(r => !r.Figure.MeetsSubjectTarget));
        }
        var children = units.Children
            .Select(u => Roll(u.Id, u.Name, u.Kind, u.Path)).ToList();
        return new UseReport(term, weeks, Roll(scope.Id, scope.Name, scope.Kind, path), children, rows);
    }

    public byte[] BuildWorkbook(UseReport report)
    {
        var caption = $"{report.Scope.Name}班班通应用（{report.Term.Name}第 1–{report.Weeks} 周；学科覆盖率 {report.Scope.Figure.SubjectRate:P1}，" +
            $"多媒体课时覆盖率 {report.Scope.Figure.LessonRate:P1}） · 导出于 {ChinaTime.Format(clock.GetUtcNow())}";
        return ExcelExport.Build("应用情况", SchoolColumns, report.Schools, caption);
    }

    public static readonly IReadOnlyList<ExcelColumn<SchoolUseRow>> SchoolColumns =
    [
        .. ReportSchoolColumns.Place<SchoolUseRow>(),
        new("班级数", r => r.Classes, 8),
        new("开设学科", r => r.Figure.SubjectsTaught, 10),
        new("已应用学科", r => r.Figure.SubjectsUsed, 10),
        new("学科覆盖率", r => r.Figure.SubjectRate, 10, "0.0%"),
        new("应开课时", r => r.Figure.ScheduledPeriods, 10),
        new("多媒体课时", r => r.Figure.PeriodsWithEquipment, 10),
        new("多媒体课时覆盖率", r => r.Figure.LessonRate, 12, "0.0%"),
        new("未应用学科", r => string.Join("、", r.UnusedSubjects), 30),
    ];

    private static object Snapshot(SmartboardLesson l) => new { 教室 = l.ClassroomName, 学科 = l.Subject, 日期 = ChinaTime.FormatDate(l.TaughtOn), 课时 = l.Periods, 教师 = l.TeacherName };
}
