namespace EduPortal.Web.Features.LabRecords;

/// <summary>The <c>LabRecords</c> configuration section.</summary>
public sealed class LabRecordOptions
{
    /// <summary>Largest photo accepted, in MB (phone photos are 3–8 MB).</summary>
    public int MaxPhotoMegabytes { get; set; } = 15;

    /// <summary>Largest video accepted, in MB (10 s of 1080p phone video is 5–25 MB).</summary>
    public int MaxVideoMegabytes { get; set; } = 40;

    /// <summary>A school without a shown record in this many weeks is flagged by the weekly job and on the statistics page.</summary>
    public int InactiveWeeks { get; set; } = 2;

    /// <summary>
    /// Reports (举报) one account may file per China calendar day (issue 10: one teacher emptied the public gallery
    /// by reporting record after record; a report hides a record at once, circular 000 §三.2).
    /// </summary>
    public int ReportsPerDay { get; set; } = 5;

    /// <summary>Cron (China time) of the weekly inactivity job: Monday 07:00.</summary>
    public string InactivityJobCron { get; set; } = "0 7 * * 1";
}
