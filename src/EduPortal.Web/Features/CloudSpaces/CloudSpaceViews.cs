using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;

namespace EduPortal.Web.Features.CloudSpaces;

/// <summary>One teacher's checklist of a term, with the ledger's figures it read.</summary>
public sealed record TeacherChecklistRow(int TermId, int SchoolId, string TeacherId, string Name, string? Phone, CloudSpaceChecklist Checklist, int Points,
    decimal LoginsPerWeek, bool HasStatistics, int ManualTargets);

/// <summary>A term with its school's checklist: the school's compliance rate (合格率).</summary>
public sealed record CloudSpaceTermView(CloudSpaceTerm Term, string SchoolName, IReadOnlyList<TeacherChecklistRow> Teachers, IReadOnlyList<CloudSpaceAward> Awards,
    bool CanManage, DateOnly Today, int WeeksElapsed)
{
    public int Qualified => Teachers.Count(t => t.Checklist.Qualified);
    public string RateText => CloudSpaceCompliance.RateText(Qualified, Teachers.Count);
    public bool HasEnded => Term.HasEnded(Today);
}

/// <summary>A teacher's own checklist of the current (or latest) term, and their award of a finished term.</summary>
public sealed record MyCloudSpace(CloudSpaceTerm Term, TeacherChecklistRow Row, DateOnly Today, CloudSpaceAward? Award);

/// <summary>A school's line in the county or city view: null figures when the school has not opened the term.</summary>
public sealed record SchoolComplianceRow(int SchoolId, string SchoolName, string ParentName, string SchoolPath, int? TermId, int Teachers, int Qualified)
{
    public bool Opened => TermId is not null;
    public string RateText => Opened ? CloudSpaceCompliance.RateText(Qualified, Teachers) : "未开启考核";
    public decimal? Rate => Opened && Teachers > 0 ? Math.Round(100m * Qualified / Teachers, 1) : null;
}

public sealed record ComplianceReport(string ScopeName, string PeriodName, DateOnly PeriodStart, IReadOnlyList<SchoolComplianceRow> Schools, DateTimeOffset GeneratedAt)
{
    public int Teachers => Schools.Sum(s => s.Teachers);
    public int Qualified => Schools.Sum(s => s.Qualified);
    public string RateText => CloudSpaceCompliance.RateText(Qualified, Teachers);
    public string Caption => $"{ScopeName} · {PeriodName} · 教师云空间合格率 · 导出时间 {ChinaTime.Format(GeneratedAt)}（北京时间）";
    public string FileName => $"{ScopeName}-{PeriodName}-云空间合格率-{ChinaTime.ToChina(GeneratedAt):yyyyMMdd-HHmm}.xlsx";
}

public sealed record CloudSpaceImportRow(int RowNumber, string Phone, string Name, IReadOnlyList<string> Errors);

public sealed record CloudSpaceImportResult(int Saved, IReadOnlyList<CloudSpaceImportRow> Rows, IReadOnlyList<string> KeptManual)
{
    public IEnumerable<CloudSpaceImportRow> Rejected => Rows.Where(r => r.Errors.Count > 0);
}

public static class CloudSpaceCompliance
{
    public static string RateText(int qualified, int teachers) =>
        teachers == 0 ? "—" : $"{(100m * qualified / teachers).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}%（{qualified}/{teachers}）";
}
