namespace EduPortal.Domain.Surveys;

/// <summary>
/// The school term (学期) a date falls in, as rounds are named: the spring term runs February–July and belongs
/// to its calendar year; the autumn term runs August–January and belongs to the year it starts in, so
/// January 2027 is still 2026年秋季.
/// </summary>
public static class SchoolTerm
{
    /// <summary>"2026年秋季" for 2026-11-30 and for 2027-01-15; "2027年春季" for 2027-03-01.</summary>
    public static string NameOf(DateOnly date) => date.Month switch
    {
        >= 2 and <= 7 => $"{date.Year}年春季",
        1 => $"{date.Year - 1}年秋季",
        _ => $"{date.Year}年秋季",
    };

    /// <summary>
    /// The demo round's title for a bureau: "东溪区中小学实验教学情况调查（2026年秋季）" from "东溪区教育局"
    /// (the bureau's suffix dropped, the place name kept).
    /// </summary>
    public static string SurveyTitle(string bureauName, DateOnly date)
    {
        const string suffix = "教育局";
        var place = bureauName.EndsWith(suffix, StringComparison.Ordinal) && bureauName.Length > suffix.Length
            ? bureauName[..^suffix.Length]
            : bureauName;
        return $"{place}中小学实验教学情况调查（{NameOf(date)}）";
    }
}
