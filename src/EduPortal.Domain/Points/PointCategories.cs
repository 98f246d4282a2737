namespace EduPortal.Domain.Points;

public static class PointCategories
{
    public static readonly IReadOnlyList<PointCategory> All =
        [PointCategory.SpaceBuilding, PointCategory.TeachingApplication, PointCategory.Interaction, PointCategory.TeacherTraining, PointCategory.CampusManagement];

    public static string DisplayName(this PointCategory category) => category switch
    {
        PointCategory.SpaceBuilding => "空间建设",
        PointCategory.TeachingApplication => "教学应用",
        PointCategory.Interaction => "师生互动",
        PointCategory.TeacherTraining => "教师研修",
        PointCategory.CampusManagement => "校园管理",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
