namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// The four awards of a district round (circular 001 §四(三)2–4): two nominated and scored by experts, two computed
/// from the deep-application index.
/// </summary>
public enum AwardKind
{
    /// <summary>优秀教师空间: a school nominates a teacher's space; experts score it on 附件1.</summary>
    TeacherSpace = 0,
    /// <summary>优秀学校空间: a school nominates its own school space; experts score it.</summary>
    SchoolSpace = 1,
    /// <summary>深度应用优秀个人: teachers ranked by points over the stated period (不含职校).</summary>
    DeepTeacher = 2,
    /// <summary>深度应用优秀学校: schools ranked by the deep-application index over the period (不含职校).</summary>
    DeepSchool = 3,
}
