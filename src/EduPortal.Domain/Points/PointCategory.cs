namespace EduPortal.Domain.Points;

/// <summary>The five directions of the deep-application index (circular 001 附件2 §二).</summary>
public enum PointCategory
{
    /// <summary>空间建设.</summary>
    SpaceBuilding = 0,
    /// <summary>教学应用.</summary>
    TeachingApplication = 1,
    /// <summary>师生互动.</summary>
    Interaction = 2,
    /// <summary>教师研修.</summary>
    TeacherTraining = 3,
    /// <summary>校园管理.</summary>
    CampusManagement = 4,
}
