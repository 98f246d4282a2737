namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// Checks of a teacher's platform figures shared by the statistics import and the hand entry: originals cannot exceed
/// what they are a share of; a hand entry gives every figure of its target.
/// </summary>
public static class CloudSpaceFigureChecks
{
    public static List<string> Consistency(CloudSpaceInputs row)
    {
        var errors = new List<string>();
        if (row.OriginalArticles is { } originalArticles && row.Articles is { } articles && originalArticles > articles)
        {
            errors.Add("原创文章数不能大于文章数");
        }
        if (row.OriginalArticles is not null && row.Articles is null)
        {
            errors.Add("填写了原创文章数，请同时填写文章数");
        }
        var resources = new[] { row.Courseware, row.LessonPlans, row.Videos, row.OtherResources };
        if (row.OriginalResources is { } originalResources && resources.All(r => r is not null) && originalResources > resources.Sum(r => r!.Value))
        {
            errors.Add("原创资源数不能大于课件、教学案、教学视频和其他资源的总数");
        }
        return errors;
    }

    /// <summary>The hand entry of <paramref name="target"/> names every figure the target reads.</summary>
    public static List<string> Complete(CloudSpaceTarget target, CloudSpaceInputs row)
    {
        var missing = target switch
        {
            CloudSpaceTarget.Articles => row.Articles is null || row.OriginalArticles is null,
            CloudSpaceTarget.Resources => row.Courseware is null || row.LessonPlans is null || row.Videos is null || row.OtherResources is null || row.OriginalResources is null,
            CloudSpaceTarget.Album => row.Photos is null || row.Albums is null,
            CloudSpaceTarget.Homepage => row.HeaderSet is null || row.BackgroundSet is null || row.HomepageModules is null,
            CloudSpaceTarget.Apps => row.Apps is null,
            _ => false,
        };
        var errors = missing ? new List<string> { $"请填写{target.DisplayName()}的每一项数字" } : [];
        errors.AddRange(Consistency(row));
        return errors;
    }
}
