using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// A use record: periods of one subject taught with a room's 班班通 equipment on one day, entered by the teacher who
/// taught them (circular 003 §三.4: 将“班班通”应用纳入到教学常规管理之中，根据不同模式分学科提出课时安排).
/// The subject and period figures of <see cref="UseFigure"/> are summed from these records.
/// </summary>
public sealed class SmartboardLesson : ISchoolScoped
{
    public const int MaxPeriods = 8;
    public const int MaxSubjectLength = 10;

    private SmartboardLesson()
    {
    }

    public long Id { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolPath { get; private set; } = "";
    public int CountyId { get; private set; }
    /// <summary>The room; cleared when the room is deleted from the register (the record keeps its name).</summary>
    public int? ClassroomId { get; private set; }
    public string ClassroomName { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public DateOnly TaughtOn { get; private set; }
    public int Periods { get; private set; }
    public string TeacherId { get; private set; } = "";
    public string TeacherName { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Staff of the room's school record lessons taught in its rooms, for themselves.</summary>
    public static Result<SmartboardLesson> Record(Caller teacher, Classroom room, string? subject, DateOnly? taughtOn, int? periods, TimeProvider clock)
    {
        if (!SmartboardAccess.IsStaffOf(teacher, room.SchoolId))
        {
            return new ForbiddenError("只能登记本校教室的课时。");
        }
        return Checked(room, teacher.UserId, teacher.RealName, subject, taughtOn, periods, clock);
    }

    /// <summary>
    /// A lesson from the school's import (the school admin enters a term's records kept on paper): the admin of the
    /// room's school imports for the teacher named in the row, who must be staff of the same school.
    /// </summary>
    public static Result<SmartboardLesson> Import(Caller admin, Classroom room, string teacherId, string teacherName, int teacherSchoolId, string? subject,
        DateOnly? taughtOn, int? periods, TimeProvider clock)
    {
        if (!SmartboardAccess.CanManage(admin, room.SchoolId))
        {
            return new ForbiddenError("只有本校管理员可以导入课时。");
        }
        if (teacherSchoolId != room.SchoolId)
        {
            return ValidationError.For(nameof(TeacherId), "授课教师须为本校教职工");
        }
        return Checked(room, teacherId, teacherName, subject, taughtOn, periods, clock);
    }

    /// <summary>The lesson once the form's checks pass (<see cref="Validate"/>); whoever may record it was checked by the caller.</summary>
    private static Result<SmartboardLesson> Checked(Classroom room, string teacherId, string teacherName, string? subject, DateOnly? taughtOn, int? periods,
        TimeProvider clock)
    {
        if (Validate(subject, taughtOn, periods, ChinaTime.Today(clock)) is { } error)
        {
            return error;
        }
        return new SmartboardLesson
        {
            SchoolId = room.SchoolId,
            SchoolPath = room.SchoolPath,
            CountyId = room.CountyId,
            ClassroomId = room.Id,
            ClassroomName = room.Name,
            Subject = subject!,
            TaughtOn = taughtOn!.Value,
            Periods = periods!.Value,
            TeacherId = teacherId,
            TeacherName = teacherName,
            RecordedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>Checks shared by the form and the import: a known subject, a day this year and not ahead, 1–8 periods.</summary>
    public static ValidationError? Validate(string? subject, DateOnly? taughtOn, int? periods, DateOnly today) => new ValidationBuilder()
        .Check(LessonSubjects.IsKnown(subject), nameof(Subject), "请选择学科")
        .Check(taughtOn is not null, nameof(TaughtOn), "请填写上课日期")
        .Check(taughtOn is null || taughtOn <= today, nameof(TaughtOn), "上课日期不能晚于今天")
        .Check(taughtOn is null || taughtOn > today.AddYears(-1), nameof(TaughtOn), "只能登记一年以内的课时")
        .Check(periods is >= 1 and <= MaxPeriods, nameof(Periods), $"课时数应为 1–{MaxPeriods} 节")
        .Build();

    public SmartboardLessonPermissions PermissionsFor(Caller caller)
    {
        if (!SmartboardAccess.CanBrowse(caller, SchoolPath))
        {
            return SmartboardLessonPermissions.None;
        }
        // The teacher corrects their own entry; the school's admin any of the school's.
        return new SmartboardLessonPermissions(true, caller.UserId == TeacherId || SmartboardAccess.CanManage(caller, SchoolId));
    }
}
