using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// A demo lesson (观摩课 or 示范课) a school held with its 班班通 equipment (circular 003 §三.2: 以活动为载体，组织学校、
/// 教师应用“班班通”开展观摩课、示范课等教学比赛……各学校全年不少于2次). Recorded by the school's admin with the teacher, subject,
/// topic, date, room and the evidence (notes and an optional link to the recording or the lesson plan).
/// </summary>
public sealed class DemoLesson : ISchoolScoped
{
    public const int MaxTopicLength = 100;
    public const int MaxNotesLength = 500;
    public const int MaxLinkLength = 300;

    /// <summary>Lessons may be entered up to this many days after they were held (last year's, in January).</summary>
    public const int MaxBackdateDays = 400;

    private DemoLesson()
    {
    }

    public int Id { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolPath { get; private set; } = "";
    public int CountyId { get; private set; }
    public DemoLessonKind Kind { get; private set; }
    public string TeacherId { get; private set; } = "";
    public string TeacherName { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Topic { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    /// <summary>The room; cleared when the room is deleted from the register (the record keeps its name).</summary>
    public int? ClassroomId { get; private set; }
    public string ClassroomName { get; private set; } = "";
    public string? Notes { get; private set; }
    public string? EvidenceLink { get; private set; }
    public string RecordedById { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The school's own admin records its demo lessons (the school organises them, circular 003 §三.2).</summary>
    public static bool MayRecord(Caller caller, int schoolId) => SmartboardAccess.CanManage(caller, schoolId);

    public static Result<DemoLesson> Record(Caller caller, DemoLessonSchool school, DemoLessonKind? kind, DemoLessonTeacher? teacher, string? subject,
        string? topic, DateOnly? heldOn, Classroom? room, string? notes, string? evidenceLink, TimeProvider clock)
    {
        if (!MayRecord(caller, school.Id))
        {
            return new ForbiddenError("只有本校管理员可以登记观摩课、示范课。");
        }
        var today = ChinaTime.Today(clock);
        var trimmedTopic = topic?.Trim();
        var trimmedNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        var trimmedLink = string.IsNullOrWhiteSpace(evidenceLink) ? null : evidenceLink.Trim();
        var problems = new ValidationBuilder()
            .Check(kind is not null && Enum.IsDefined(kind.Value), nameof(Kind), "请选择观摩课或示范课")
            .Check(teacher is not null, "TeacherId", "请选择授课教师")
            .Check(teacher is null || teacher.SchoolId == school.Id, "TeacherId", "授课教师须为本校教职工")
            .Check(LessonSubjects.IsKnown(subject), nameof(Subject), "请选择学科")
            .Check(!string.IsNullOrEmpty(trimmedTopic), nameof(Topic), "请填写课题")
            .Check(trimmedTopic is null || trimmedTopic.Length <= MaxTopicLength, nameof(Topic), $"课题不能超过 {MaxTopicLength} 字")
            .Check(heldOn is not null, nameof(HeldOn), "请填写上课日期")
            .Check(heldOn is null || heldOn <= today, nameof(HeldOn), "上课日期不能晚于今天")
            .Check(heldOn is null || heldOn > today || heldOn >= today.AddDays(-MaxBackdateDays), nameof(HeldOn), $"只能补录 {MaxBackdateDays} 天以内的课")
            .Check(room is null || room.SchoolId == school.Id, "ClassroomId", "请选择本校的教室")
            .Check(trimmedNotes is null || trimmedNotes.Length <= MaxNotesLength, nameof(Notes), $"说明不能超过 {MaxNotesLength} 字")
            .Check(trimmedLink is null || trimmedLink.Length <= MaxLinkLength, nameof(EvidenceLink), $"链接不能超过 {MaxLinkLength} 个字符")
            .Check(trimmedLink is null || IsWebLink(trimmedLink), nameof(EvidenceLink), "链接须以 http:// 或 https:// 开头")
            .Check(trimmedNotes is not null || trimmedLink is not null, nameof(Notes), "请填写活动说明或佐证链接（课例录像、教案等）")
            .Build();
        if (problems is not null)
        {
            return problems;
        }
        return new DemoLesson
        {
            SchoolId = school.Id,
            SchoolPath = school.Path,
            CountyId = school.CountyId,
            Kind = kind!.Value,
            TeacherId = teacher!.UserId,
            TeacherName = teacher.Name,
            Subject = subject!,
            Topic = trimmedTopic!,
            HeldOn = heldOn!.Value,
            ClassroomId = room?.Id,
            ClassroomName = room?.Name ?? "",
            Notes = trimmedNotes,
            EvidenceLink = trimmedLink,
            RecordedById = caller.UserId,
            RecordedByName = caller.RealName,
            RecordedAt = clock.GetUtcNow(),
        };
    }

    private static bool IsWebLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public DemoLessonPermissions PermissionsFor(Caller caller) => !SmartboardAccess.CanBrowse(caller, SchoolPath)
        ? DemoLessonPermissions.None
        : new DemoLessonPermissions(true, SmartboardAccess.CanManage(caller, SchoolId));
}
