using EduPortal.Data.Accounts;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data.Points;

/// <summary>A teacher (the account) with their points of a span of days, total and per category, and the span's sign-in days.</summary>
public sealed class PointUserSpan
{
    public ApplicationUser User { get; init; } = null!;
    public int Points { get; init; }
    public int SpaceBuilding { get; init; }
    public int TeachingApplication { get; init; }
    public int Interaction { get; init; }
    public int TeacherTraining { get; init; }
    public int CampusManagement { get; init; }
    public int SignInDays { get; init; }
}

/// <summary>
/// Span sums from the daily roll-up's year-to-date columns (<see cref="PointTeacherDay"/>, issue 16): for each lookup of
/// <see cref="PointPrefixPlan"/>, the teacher's last day row on or before the lookup's day — found through the key
/// (teacher, year, day): the day by the key's order, then the row by the whole key — its sums added or taken off. A span
/// costs two lookups a teacher and points year, however many days and months it covers, and it is composed into the
/// caller's SQL (rankings group, order and page over it).
/// </summary>
public static class PointSpanSums
{
    public static IQueryable<PointUserSpan> Of(EduPortalDbContext db, IQueryable<ApplicationUser> teachers, IReadOnlyList<PointPrefixLookup> lookups)
    {
        // Every member set (EF reads the sums of the step before from this projection).
        var spans = teachers.Select(u => new PointUserSpan
        {
            User = u,
            Points = 0,
            SpaceBuilding = 0,
            TeachingApplication = 0,
            Interaction = 0,
            TeacherTraining = 0,
            CampusManagement = 0,
            SignInDays = 0,
        });
        foreach (var (year, through, sign) in lookups)
        {
            var days = db.PointTeacherDays.AsNoTracking();
            // No row on or before the day: a day no row has (the join then finds nothing and adds 0). Not null: EF would
            // compare a nullable key allowing null = null, and the key's day could not be sought.
            spans = from s in spans
                    let day = days.Where(d => d.TeacherId == s.User.Id && d.Year == year && d.Day <= through).Max(d => (DateOnly?)d.Day) ?? DateOnly.MinValue
                    join r in days.Where(d => d.Year == year) on new { Id = s.User.Id, Day = day } equals new { Id = r.TeacherId, Day = r.Day } into rows
                    from r in rows.DefaultIfEmpty()
                    select new PointUserSpan
                    {
                        User = s.User,
                        Points = s.Points + sign * ((int?)r!.CumPoints ?? 0),
                        SpaceBuilding = s.SpaceBuilding + sign * ((int?)r!.CumSpaceBuilding ?? 0),
                        TeachingApplication = s.TeachingApplication + sign * ((int?)r!.CumTeachingApplication ?? 0),
                        Interaction = s.Interaction + sign * ((int?)r!.CumInteraction ?? 0),
                        TeacherTraining = s.TeacherTraining + sign * ((int?)r!.CumTeacherTraining ?? 0),
                        CampusManagement = s.CampusManagement + sign * ((int?)r!.CumCampusManagement ?? 0),
                        SignInDays = s.SignInDays + sign * ((int?)r!.CumSignInDays ?? 0),
                    };
        }
        return spans;
    }
}
