using EduPortal.Domain.Accounts;
using EduPortal.Domain.Surveys;

namespace EduPortal.Data.Jurisdiction;

/// <summary>Jurisdiction for the survey module, beside <see cref="OrganizationJurisdiction"/>.</summary>
public static class SurveyJurisdiction
{
    /// <summary>
    /// Rounds the caller takes part in: rounds opened inside its subtree, and rounds opened above it
    /// that include its unit (a city round reaches every county and school).
    /// </summary>
    public static IQueryable<SurveyRound> WithinJurisdiction(this IQueryable<SurveyRound> rounds, Caller caller) =>
        rounds.OpenedAboveOrWithin(caller, r => r.OrgPath);

    public static IQueryable<SchoolSurvey> WithinJurisdiction(this IQueryable<SchoolSurvey> surveys, Caller caller) =>
        surveys.Where(s => s.SchoolPath.StartsWith(caller.OrgPath));

    public static IQueryable<SurveyReminder> WithinJurisdiction(this IQueryable<SurveyReminder> reminders, Caller caller) =>
        reminders.Where(r => r.SchoolPath.StartsWith(caller.OrgPath));
}
