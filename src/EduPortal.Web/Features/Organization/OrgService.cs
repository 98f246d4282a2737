using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Organization;

public sealed record OrgNode(int Id, string Name, OrgUnitKind Kind, int? ParentId, string Path, SchoolStage Stage,
    int StudentCount, int ClassCount, int TeacherCount, int SchoolCount);

public sealed record ClassRow(int Id, int Grade, int Number, string Name);

public sealed record OrgUnitDetail(int Id, string Name, OrgUnitKind Kind, string Path, string? ParentName, SchoolStage Stage,
    int StudentCount, string? Phone, string? Address, IReadOnlyList<ClassRow> Classes, int TeacherCount, bool CanEdit, bool CanAddChildren)
{
    public bool IsVocational { get; init; }
    /// <summary>Only county and city admins set the 职校 flag (it decides who is in the award rankings).</summary>
    public bool CanSetVocational { get; init; }
}

public sealed class OrgUnitInput
{
    public string Name { get; set; } = "";
    public OrgUnitKind Kind { get; set; } = OrgUnitKind.School;
    public SchoolStage Stage { get; set; } = SchoolStage.Primary;
    /// <summary>Null when the field was left blank: refused for a school, never read as 0.</summary>
    public int? StudentCount { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    /// <summary>职校: left out of the award rankings (circular 001 §四(三)3: 不含职校); county and city admins set it.</summary>
    public bool IsVocational { get; set; }
}

/// <summary>The org tree below the caller: listing, creating and editing units and classes.</summary>
public sealed class OrgService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Every unit in the caller's jurisdiction with subtree totals, root first.</summary>
    public async Task<IReadOnlyList<OrgNode>> GetTreeAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller)
            .Select(o => new { o.Id, o.Name, o.Kind, o.ParentId, o.Path, o.Stage, o.StudentCount, Classes = o.Classes.Count })
            .ToListAsync(cancellationToken);
        var teachers = await db.Users.AsNoTracking().WithinJurisdiction(caller)
            .ActiveServing()
            .GroupBy(u => u.OrgUnitId)
            .Select(g => new { OrgUnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.OrgUnitId, x => x.Count, cancellationToken);
        var byPath = units.ToDictionary(u => u.Path);
        // Roll each unit's own figures up to all its ancestors inside the jurisdiction.
        var totals = units.ToDictionary(u => u.Path, _ => (Students: 0, Classes: 0, Teachers: 0, Schools: 0));
        foreach (var unit in units)
        {
            var ownTeachers = teachers.GetValueOrDefault(unit.Id);
            foreach (var ancestor in OrgUnit.AncestorPaths(unit.Path).Where(byPath.ContainsKey))
            {
                var t = totals[ancestor];
                totals[ancestor] = (t.Students + unit.StudentCount, t.Classes + unit.Classes, t.Teachers + ownTeachers,
                    t.Schools + (unit.Kind == OrgUnitKind.School ? 1 : 0));
            }
        }
        return units
            .OrderBy(u => u.Path.Length == 0 ? 0 : u.Path.Count(c => c == '/'))
            .ThenBy(u => u.Kind)
            .ThenBy(u => u.Name, StringComparer.Ordinal)
            .Select(u => new OrgNode(u.Id, u.Name, u.Kind, u.ParentId, u.Path, u.Stage,
                totals[u.Path].Students, totals[u.Path].Classes, totals[u.Path].Teachers, totals[u.Path].Schools))
            .ToList();
    }

    public async Task<Result<OrgUnitDetail>> GetAsync(Caller caller, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller)
            .Include(o => o.Parent).Include(o => o.Classes)
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (unit is null)
        {
            return new NotFoundError();
        }
        // Everyone in the unit's subtree, matching the people list its link opens.
        var teacherCount = await db.Users.ActiveServing().CountAsync(u => u.OrgUnit!.Path.StartsWith(unit.Path), cancellationToken);
        var classes = unit.Classes.OrderBy(c => c.Grade).ThenBy(c => c.Number).Select(c => new ClassRow(c.Id, c.Grade, c.Number, c.DisplayName)).ToList();
        return new OrgUnitDetail(unit.Id, unit.Name, unit.Kind, unit.Path, unit.Parent?.Name, unit.Stage, unit.StudentCount, unit.Phone, unit.Address,
            classes, teacherCount, caller.IsAdmin, CanCreateUnder(caller, unit))
        {
            IsVocational = unit.IsVocational,
            CanSetVocational = unit.IsSchool && caller.Level >= AdminLevel.County,
        };
    }

    /// <summary>Editing a school, its 学生数 must be filled in: a cleared field is not 0 students.</summary>
    private static bool MissingStudentCount(OrgUnitKind kind, OrgUnitInput input) => kind == OrgUnitKind.School && input.StudentCount is null;

    /// <summary>The domain's error with the missing 学生数 added next to its other field messages.</summary>
    private static Error? WithStudentCount(Error? error, OrgUnitKind kind, OrgUnitInput input)
    {
        if (!MissingStudentCount(kind, input) || error is not (null or ValidationError))
        {
            return error;
        }
        var builder = new ValidationBuilder();
        foreach (var (field, message) in (error as ValidationError)?.Fields ?? new Dictionary<string, string>())
        {
            builder.Check(false, field, message);
        }
        builder.Check(false, nameof(OrgUnitInput.StudentCount), "请填写学生数（没有请填 0）");
        return builder.Build();
    }

    private static bool CanCreateUnder(Caller caller, OrgUnit parent) =>
        caller.Level >= AdminLevel.County && caller.Covers(parent.Path) && parent.Kind.AllowedChildren().Count > 0;

    public async Task<Result<int>> CreateChildAsync(Caller caller, int parentId, OrgUnitInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var parent = await db.OrgUnits.WithinJurisdiction(caller).SingleOrDefaultAsync(o => o.Id == parentId, cancellationToken);
        if (parent is null)
        {
            return new NotFoundError();
        }
        if (!CanCreateUnder(caller, parent))
        {
            return new ForbiddenError("只有县级或市级管理员可以在其管辖范围内新建单位。");
        }
        if (await db.OrgUnits.AnyAsync(o => o.ParentId == parentId && o.Name == input.Name.Trim(), cancellationToken))
        {
            return ValidationError.For(nameof(OrgUnitInput.Name), "同一上级单位下已有同名单位");
        }
        // A new school may start without its 学生数 (0 until known); the 学校与班级 form asks for it.
        var created = parent.AddChild(input.Kind, input.Name, input.Stage, input.StudentCount ?? 0);
        if (!created.Succeeded)
        {
            return created.Error!;
        }
        var child = created.Value!;
        var details = child.UpdateDetails(input.Name, input.Stage, input.StudentCount ?? 0, input.Phone, input.Address);
        if (!details.Succeeded)
        {
            return details.Error!;
        }
        if (child.IsSchool && child.SetVocational(input.IsVocational) is { Succeeded: false } vocational)
        {
            return vocational.Error!;
        }
        db.OrgUnits.Add(child);
        db.Audit(caller, clock, AuditActions.OrgUnitCreated, nameof(OrgUnit), child.Path, child.Path,
            $"在{parent.Name}下新建{child.Kind.DisplayName()}“{child.Name}”", after: Snapshot(child));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new ConflictError("其他管理员正在同一单位下新建单位，请刷新后重试。");
        }
        return child.Id;
    }

    public async Task<Result> UpdateAsync(Caller caller, int id, OrgUnitInput input, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return new ForbiddenError("普通教师没有管理权限。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.OrgUnits.WithinJurisdiction(caller).Include(o => o.Classes).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (unit is null)
        {
            return new NotFoundError();
        }
        if (unit.ParentId is { } parentId && await db.OrgUnits.AnyAsync(o => o.ParentId == parentId && o.Id != id && o.Name == input.Name.Trim(), cancellationToken))
        {
            return ValidationError.For(nameof(OrgUnitInput.Name), "同一上级单位下已有同名单位");
        }
        if (input.IsVocational != unit.IsVocational && (caller.Level < AdminLevel.County || !unit.IsSchool))
        {
            return ValidationError.For(nameof(OrgUnitInput.IsVocational), unit.IsSchool ? "只有县级或市级管理员可以设置职校标记" : "只有学校可以标记为职校");
        }
        var before = Snapshot(unit);
        var result = unit.UpdateDetails(input.Name, input.Stage, input.StudentCount ?? 0, input.Phone, input.Address);
        if (!result.Succeeded || MissingStudentCount(unit.Kind, input))
        {
            // Nothing is saved: the unit changed only in this context, which is dropped.
            return WithStudentCount(result.Error, unit.Kind, input)!;
        }
        unit.SetVocational(input.IsVocational);
        db.Audit(caller, clock, AuditActions.OrgUnitUpdated, nameof(OrgUnit), unit.Path, unit.Path, $"修改单位“{unit.Name}”的信息", before, Snapshot(unit));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>Adds classes 1..count of a grade that don't exist yet (批量生成), or one class when <paramref name="number"/> is given.</summary>
    public async Task<Result<int>> AddClassesAsync(Caller caller, int schoolId, int grade, int? number, int count, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return new ForbiddenError("普通教师没有管理权限。");
        }
        if (number is null && count is < 1 or > 30)
        {
            return ValidationError.For("Count", "每个年级的班级数应为 1–30");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.WithinJurisdiction(caller).Include(o => o.Classes).SingleOrDefaultAsync(o => o.Id == schoolId, cancellationToken);
        if (school is null)
        {
            return new NotFoundError();
        }
        var numbers = number is { } single ? [single] : Enumerable.Range(1, count).Where(n => !school.Classes.Any(c => c.Grade == grade && c.Number == n)).ToList();
        if (numbers.Count == 0)
        {
            return ValidationError.For("Count", $"{SchoolClass.GradeName(grade)}1–{count}班都已存在");
        }
        var added = new List<string>();
        foreach (var n in numbers)
        {
            var result = school.AddClass(grade, n);
            if (!result.Succeeded)
            {
                return result.Error!;
            }
            added.Add(result.Value!.DisplayName);
        }
        db.Audit(caller, clock, AuditActions.ClassAdded, nameof(SchoolClass), school.Path, school.Path,
            $"{school.Name}新增班级：{string.Join("、", added)}", after: added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new ConflictError("班级刚被其他管理员修改，请刷新后重试。");
        }
        return added.Count;
    }

    public async Task<Result> RemoveClassAsync(Caller caller, int classId, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin)
        {
            return new ForbiddenError("普通教师没有管理权限。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schoolClass = await db.SchoolClasses.WithinJurisdiction(caller).Include(c => c.School).SingleOrDefaultAsync(c => c.Id == classId, cancellationToken);
        if (schoolClass is null)
        {
            return new NotFoundError();
        }
        db.SchoolClasses.Remove(schoolClass);
        db.Audit(caller, clock, AuditActions.ClassRemoved, nameof(SchoolClass), classId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            schoolClass.School!.Path, $"{schoolClass.School.Name}删除班级：{schoolClass.DisplayName}", before: schoolClass.DisplayName);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>Schools in the caller's jurisdiction, for pickers.</summary>
    public async Task<IReadOnlyList<(int Id, string Name, string Path)>> ListSchoolsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Kind == OrgUnitKind.School)
            .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Path }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Name, r.Path)).ToList();
    }

    private static object Snapshot(OrgUnit unit) => new
    {
        名称 = unit.Name,
        类型 = unit.Kind.DisplayName(),
        学段 = unit.Stage.DisplayName(),
        学生数 = unit.StudentCount,
        电话 = unit.Phone,
        地址 = unit.Address,
        职校 = unit.IsVocational ? "是" : "否",
    };
}
