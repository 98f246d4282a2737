using EduPortal.Domain.LabRecords;

namespace EduPortal.Domain.Surveys;

/// <summary>How survey rounds are named: after the bureau's place and the school term (学期) of a date.</summary>
public static class SurveyTitles
{
    /// <summary>
    /// The term as rounds name it, on <see cref="SchoolTerm"/>'s boundaries: the spring term (February–July) belongs
    /// to its calendar year, the autumn term (August–January) to the year it starts in, so 2026-11-30 and
    /// 2027-01-15 are both "2026年秋季" and 2027-03-01 is "2027年春季".
    /// </summary>
    public static string TermName(DateOnly date)
    {
        var term = SchoolTerm.Containing(date);
        return term.IsAutumn ? $"{term.Start.Year}年秋季" : $"{term.Start.Year}年春季";
    }

    /// <summary>
    /// A round's title for a bureau: "东溪区中小学实验教学情况调查（2026年秋季）" from "东溪区教育局" (the bureau's
    /// suffix dropped, the place name kept).
    /// </summary>
    public static string LabSurvey(string bureauName, DateOnly date)
    {
        const string suffix = "教育局";
        var place = bureauName.EndsWith(suffix, StringComparison.Ordinal) && bureauName.Length > suffix.Length
            ? bureauName[..^suffix.Length]
            : bureauName;
        return $"{place}中小学实验教学情况调查（{TermName(date)}）";
    }
}
