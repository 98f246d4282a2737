using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// A room of a school that holds 班班通 devices: a class's own room (linked to its <see cref="SchoolClass"/>) or a
/// special room (lab, 录播室, 主控室). The responsible account is the class's head teacher (班主任) for a class's
/// room (circular 003 §二.2: 班主任要对本班的设备负责) and the room's keeper otherwise; the org model has no
/// 班主任 of its own, so the register records it here.
/// </summary>
public sealed class Classroom : ISchoolScoped
{
    public const int MaxNameLength = 40;
    public const int MaxNotesLength = 200;

    private Classroom()
    {
    }

    public int Id { get; private set; }
    public int SchoolId { get; private set; }

    /// <summary>The school's org path: jurisdiction compares it with the caller's.</summary>
    public string SchoolPath { get; private set; } = "";

    /// <summary>The county the school belongs to (indexed filter for county callers and roll-ups).</summary>
    public int CountyId { get; private set; }

    public string Name { get; private set; } = "";
    public ClassroomKind Kind { get; private set; }

    /// <summary>The class whose room this is; set exactly when <see cref="Kind"/> is <see cref="ClassroomKind.Ordinary"/>.</summary>
    public int? SchoolClassId { get; private set; }

    /// <summary>The head teacher (班主任) of the class, or the room's keeper; an account of the school.</summary>
    public string? ResponsibleUserId { get; private set; }
    public string? ResponsibleName { get; private set; }
    public string? Notes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static Result<Classroom> Create(Caller actor, OrgUnit school, int countyId, string name, ClassroomKind kind, SchoolClass? schoolClass,
        string? responsibleUserId, string? responsibleName, string? notes, TimeProvider clock)
    {
        if (!school.IsSchool || !SmartboardAccess.CanManage(actor, school.Id))
        {
            return new ForbiddenError("只有本校管理员可以登记教室。");
        }
        var error = Validate(name, kind, schoolClass, school.Id, notes);
        if (error is not null)
        {
            return error;
        }
        var now = clock.GetUtcNow();
        return new Classroom
        {
            SchoolId = school.Id,
            SchoolPath = school.Path,
            CountyId = countyId,
            Name = NameFor(name, kind, schoolClass),
            Kind = kind,
            SchoolClassId = kind == ClassroomKind.Ordinary ? schoolClass!.Id : null,
            ResponsibleUserId = string.IsNullOrWhiteSpace(responsibleUserId) ? null : responsibleUserId,
            ResponsibleName = string.IsNullOrWhiteSpace(responsibleUserId) ? null : responsibleName?.Trim(),
            Notes = Clean(notes),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Renames the room, relinks its class or changes its keeper.</summary>
    public Result Update(Caller actor, string name, ClassroomKind kind, SchoolClass? schoolClass, string? responsibleUserId, string? responsibleName,
        string? notes, TimeProvider clock)
    {
        if (!PermissionsFor(actor).CanEdit)
        {
            return new ForbiddenError("只有本校管理员可以修改教室。");
        }
        var error = Validate(name, kind, schoolClass, SchoolId, notes);
        if (error is not null)
        {
            return error;
        }
        Name = NameFor(name, kind, schoolClass);
        Kind = kind;
        SchoolClassId = kind == ClassroomKind.Ordinary ? schoolClass!.Id : null;
        ResponsibleUserId = string.IsNullOrWhiteSpace(responsibleUserId) ? null : responsibleUserId;
        ResponsibleName = string.IsNullOrWhiteSpace(responsibleUserId) ? null : responsibleName?.Trim();
        Notes = Clean(notes);
        UpdatedAt = clock.GetUtcNow();
        Version++;
        return Result.Success;
    }

    public bool IsResponsible(Caller caller) => ResponsibleUserId is not null && caller.UserId == ResponsibleUserId;

    public ClassroomPermissions PermissionsFor(Caller caller)
    {
        if (!SmartboardAccess.CanBrowse(caller, SchoolPath))
        {
            return ClassroomPermissions.None;
        }
        var manage = SmartboardAccess.CanManage(caller, SchoolId);
        return new ClassroomPermissions(true, manage, manage, IsResponsible(caller));
    }

    /// <summary>Checks shared by the form and the ledger import.</summary>
    public static ValidationError? Validate(string? name, ClassroomKind kind, SchoolClass? schoolClass, int schoolId, string? notes)
    {
        var trimmed = name?.Trim() ?? "";
        return new ValidationBuilder()
            .Check(Enum.IsDefined(kind), nameof(Kind), "请选择教室类型")
            .Check(kind != ClassroomKind.Ordinary || schoolClass is not null, nameof(SchoolClassId), "普通教室须关联一个班级")
            .Check(schoolClass is null || schoolClass.SchoolId == schoolId, nameof(SchoolClassId), "该班级不属于本校")
            .Check(kind == ClassroomKind.Ordinary || trimmed.Length > 0, nameof(Name), "请填写教室名称")
            .Check(trimmed.Length <= MaxNameLength, nameof(Name), $"教室名称不能超过 {MaxNameLength} 个字")
            .Check((notes?.Trim().Length ?? 0) <= MaxNotesLength, nameof(Notes), $"备注不能超过 {MaxNotesLength} 个字")
            .Build();
    }

    private static string NameFor(string? name, ClassroomKind kind, SchoolClass? schoolClass)
    {
        var trimmed = name?.Trim() ?? "";
        return kind == ClassroomKind.Ordinary && trimmed.Length == 0 ? schoolClass!.DisplayName : trimmed;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
