namespace EduPortal.Domain.News;

/// <summary>What a caller may do with a news item; built by <see cref="NewsItem.PermissionsFor"/> from the checks its transitions use.</summary>
public sealed record NewsPermissions(bool CanView, bool CanEdit, bool CanPublish, bool CanReturn, bool CanRecommend, bool CanFeature, bool CanDecline)
{
    public bool CanActAsSchool => CanPublish || CanReturn || CanRecommend;
    public bool CanActAsCounty => CanFeature || CanDecline;
}
