using System.Globalization;

namespace EduPortal.Domain.Surveys;

/// <summary>
/// Teacher registration rate for the bureau's bulletin (circular 000 §二 第二阶段: 4月21日前完成涉及学科的
/// 全体教师注册，到时区局根据工作开展情况对全区注册情况进行通报). The surveyed teacher counts are the denominator.
/// </summary>
public static class RegistrationRate
{
    /// <summary>Registered ÷ surveyed; null when nobody was surveyed (no denominator).</summary>
    public static double? Of(int registered, int surveyed) => surveyed <= 0 ? null : (double)registered / surveyed;

    /// <summary>"87.5%", or "—" without a denominator.</summary>
    public static string Format(double? rate) => rate is null ? "—" : (rate.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Whether an account teaches one of the surveyed subjects (and so counts in the numerator).</summary>
    public static bool TeachesSurveyedSubject(IEnumerable<string> accountSubjects, IReadOnlyCollection<string> surveyedSubjects) =>
        accountSubjects.Any(surveyedSubjects.Contains);
}
