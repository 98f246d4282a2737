namespace EduPortal.Domain.Points;

/// <summary>Event-type codes of the default table; the ingestion API and imports use them.</summary>
public static class PointTypes
{
    public const string Login = "login";
    public const string ProfileComplete = "profile-complete";
    public const string ResourceShare = "resource-share";
    public const string SpaceRecord = "space-record";
    public const string TeachingArticle = "teaching-article";
    public const string ArticleShare = "article-share";
    public const string InteractiveLesson = "interactive-lesson";
    public const string GuidedTest = "guided-test";
    public const string Marking = "marking";
    public const string ResourceSearch = "resource-search";
    public const string Courseware = "courseware";
    public const string ClassSetup = "class-setup";
    public const string ClassNotice = "class-notice";
    public const string ClassActivity = "class-activity";
    public const string HabitCheckIn = "habit-check-in";
    public const string ResearchActivity = "research-activity";
    public const string CampusOffice = "campus-office";
    public const string LabRecordPublished = "lab-record-published";
}
