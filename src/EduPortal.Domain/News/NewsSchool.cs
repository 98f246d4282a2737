namespace EduPortal.Domain.News;

/// <summary>The school a news item belongs to, with its county (the county's admins feature its news).</summary>
public sealed record NewsSchool(int Id, string Name, string Path, int CountyId);
