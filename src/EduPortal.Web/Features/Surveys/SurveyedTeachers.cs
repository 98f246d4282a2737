using System.Linq.Expressions;
using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Surveys;

/// <summary>
/// The registered teachers of the registration rate (circular 000 §二 第二阶段, circular 004 §四 7/16): per school, the
/// accounts given whose subject list names one of the subjects the school's stage surveys. Shared by the survey board and
/// the 教师实名注册率 metric so both count the same way.
/// </summary>
public static class SurveyedTeachers
{
    private static readonly Dictionary<SchoolStage, IReadOnlyList<string>> SurveyedByStage =
        Enum.GetValues<SchoolStage>().ToDictionary(stage => stage, SurveySubjects.ForStage);

    /// <summary>
    /// A subject list that names a surveyed subject contains that subject's name as text, so accounts whose list contains
    /// none of the names cannot count: leaving them out in SQL is exact (the lists left are parsed below) and leaves about
    /// a third of a city's (school, subject list) groups to read (语文, 数学, 英语… teachers are most accounts).
    /// </summary>
    private static readonly Expression<Func<ApplicationUser, bool>> NamesASurveyedSubject = BuildNamesASurveyedSubject();

    /// <summary>
    /// Counts, per school id of <paramref name="stages"/>, the <paramref name="accounts"/> (already filtered by the caller:
    /// status, jurisdiction, date) that teach a subject surveyed at the school's stage. The accounts are counted per school
    /// and subject list in SQL (over the covering index <c>AspNetUsers (OrgUnitId, SubjectsText, Status, Employment,
    /// RegisteredAt)</c>) and each distinct list is parsed once. Schools without such an account are left out.
    /// </summary>
    public static async Task<Dictionary<int, int>> CountPerSchoolAsync(IQueryable<ApplicationUser> accounts, IReadOnlyDictionary<int, SchoolStage> stages,
        CancellationToken cancellationToken)
    {
        var groups = await accounts
            .Where(u => u.OrgUnit!.Kind == OrgUnitKind.School && u.SubjectsText != "")
            .Where(NamesASurveyedSubject)
            .GroupBy(u => new { u.OrgUnitId, u.SubjectsText })
            .Select(g => new { g.Key.OrgUnitId, g.Key.SubjectsText, Accounts = g.Count() })
            .ToListAsync(cancellationToken);
        var parsed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var counts = new Dictionary<int, int>();
        foreach (var group in groups)
        {
            if (!stages.TryGetValue(group.OrgUnitId, out var stage))
            {
                continue;
            }
            if (!parsed.TryGetValue(group.SubjectsText, out var known))
            {
                known = Subjects.Parse(group.SubjectsText).Known;
                parsed[group.SubjectsText] = known;
            }
            if (RegistrationRate.TeachesSurveyedSubject(known, SurveyedByStage.GetValueOrDefault(stage) ?? SurveySubjects.ForStage(stage)))
            {
                counts[group.OrgUnitId] = counts.GetValueOrDefault(group.OrgUnitId) + group.Accounts;
            }
        }
        return counts;
    }

    private static Expression<Func<ApplicationUser, bool>> BuildNamesASurveyedSubject()
    {
        var user = Expression.Parameter(typeof(ApplicationUser), "u");
        var text = Expression.Property(user, nameof(ApplicationUser.SubjectsText));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var body = SurveySubjects.All.Select(subject => (Expression)Expression.Call(text, contains, Expression.Constant(subject))).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<ApplicationUser, bool>>(body, user);
    }
}
