using EduPortal.Domain.Accounts;

namespace EduPortal.Domain.Points;

/// <summary>
/// The four profile items that make a profile complete for the 信息完善 row (circular 001 附件2 信息完善): an avatar,
/// a way to reach the teacher (phone, or e-mail when there is no phone), the school, and at least one known subject.
/// </summary>
public sealed record TeacherProfile(string? AvatarKey, string? Contact, int OrgUnitId, string SubjectsText)
{
    public bool IsComplete =>
        !string.IsNullOrEmpty(AvatarKey) && !string.IsNullOrWhiteSpace(Contact) && OrgUnitId > 0 && Subjects.Parse(SubjectsText).Known.Count > 0;
}
