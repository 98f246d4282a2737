using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Surveys;

/// <summary>
/// The board reads only the figures it shows (projections, registered teachers counted per school in SQL); every figure
/// must equal the one computed directly from the whole forms and each account on its own, for the city and a county.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SurveyBoardFiguresTests(PortalFactory portal)
{
    [Fact]
    public async Task The_boards_rows_and_totals_equal_a_direct_computation_for_the_city_and_a_county()
    {
        var cityAdmin = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var countyAdmin = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        int roundId;
        await using (var seed = await portal.DbAsync())
        {
            // Submitted forms, drafts and schools not started, city-wide.
            roundId = (await new SurveyDemoSeeder(seed, portal.Clock).FillRoundAsync(cityAdmin, "进度核对调查 " + Guid.NewGuid().ToString("N")[..6],
                submittedShare: 0.6, draftShare: 0.25)).Id;
        }
        var service = portal.Service<SurveyService>();
        var reminded = await service.RemindAsync(countyAdmin, roundId, null);
        Assert.True(reminded.Succeeded && reminded.Value > 0, reminded.Error?.Message);

        foreach (var caller in new[] { cityAdmin, countyAdmin })
        {
            var board = (await service.GetBoardAsync(caller, roundId)).Value!;

            await using var db = await portal.DbAsync();
            var schools = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(caller.OrgPath))
                .Select(o => new { o.Id, o.Path, o.Stage, o.StudentCount, Classes = o.Classes.Count }).ToListAsync();
            var counties = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.County).ToDictionaryAsync(o => o.Path, o => o.Name);
            var forms = await db.SchoolSurveys.AsNoTracking().Include(s => s.Rows).Where(s => s.RoundId == roundId).ToDictionaryAsync(s => s.SchoolId);
            var accounts = await db.Users.AsNoTracking().Where(u => u.Status == AccountStatus.Active && u.Employment == EmploymentStatus.Serving)
                .Select(u => new { u.OrgUnitId, u.SubjectsText }).ToListAsync();
            var reminders = await db.SurveyReminders.AsNoTracking().Where(r => r.RoundId == roundId).ToListAsync();
            Assert.Contains(forms.Values, f => f.Status == SurveyStatus.Submitted && f.SchoolPath.StartsWith(caller.OrgPath, StringComparison.Ordinal));
            Assert.Contains(forms.Values, f => f.Status == SurveyStatus.Draft && f.SchoolPath.StartsWith(caller.OrgPath, StringComparison.Ordinal));

            Assert.Equal(schools.Select(s => s.Id).Order(), board.Rows.Select(r => r.SchoolId).Order());
            var expected = schools.Select(school =>
            {
                var survey = forms.GetValueOrDefault(school.Id);
                var form = survey?.ToForm();
                var surveyed = SurveySubjects.ForStage(school.Stage);
                var county = counties[OrgUnit.AncestorPaths(school.Path).Skip(1).First()];
                return new Expected(school.Id, county, survey?.Status ?? SurveyStatus.NotStarted, survey, form,
                    accounts.Count(a => a.OrgUnitId == school.Id && Subjects.Parse(a.SubjectsText).Known.Any(surveyed.Contains)),
                    survey?.Rows.Sum(r => r.Teachers ?? 0) ?? 0,
                    form is null ? [] : SurveyRules.ReviewFlags(form, new RegisteredFigures(school.StudentCount, school.Classes)),
                    reminders.Where(r => r.SchoolId == school.Id).Select(r => (DateTimeOffset?)r.SentAt).Max());
            }).ToList();
            Assert.Contains(expected, e => e.Reminded is not null);
            foreach (var school in expected)
            {
                var row = board.Rows.Single(r => r.SchoolId == school.Id);
                Assert.Equal(school.County, row.CountyName);
                Assert.Equal(school.Status, row.Status);
                Assert.Equal(school.Survey?.Version ?? 0, row.Version);
                Assert.Equal(school.Survey?.UpdatedAt, row.UpdatedAt);
                Assert.Equal(school.Survey?.SubmittedAt, row.SubmittedAt);
                Assert.Equivalent(school.Form, row.Form, strict: true);
                Assert.Equal(school.Registered, row.Registered);
                Assert.Equal(school.Surveyed, row.Surveyed);
                Assert.Equal(school.Flags, row.Flags);
                Assert.Equal(school.Reminded, row.LastReminderAt);
            }

            // Totals over the submitted forms, per county and overall, summed here from the whole forms.
            static void Check(SurveyTotals totals, IReadOnlyCollection<Expected> rows)
            {
                var submitted = rows.Where(r => r.Status == SurveyStatus.Submitted).ToList();
                Assert.Equal(rows.Count, totals.Schools);
                Assert.Equal(submitted.Count, totals.Submitted);
                Assert.Equal(rows.Count(r => r.Status == SurveyStatus.Draft), totals.Drafts);
                Assert.Equal(rows.Count(r => r.Status == SurveyStatus.Returned), totals.Returned);
                Assert.Equal(rows.Count(r => r.Status == SurveyStatus.NotStarted), totals.NotStarted);
                Assert.Equal(submitted.Sum(r => r.Survey!.StudentCount ?? 0), totals.Students);
                Assert.Equal(submitted.Sum(r => r.Survey!.ClassCount ?? 0), totals.Classes);
                foreach (var subject in SurveySubjects.All)
                {
                    var entries = submitted.SelectMany(r => r.Survey!.Rows.Where(x => x.Subject == subject)).ToList();
                    Assert.Equal((entries.Sum(e => e.Teachers ?? 0), entries.Sum(e => e.FullTime ?? 0), entries.Sum(e => e.LabRooms ?? 0)), totals.Subjects[subject]);
                }
                Assert.Equal(submitted.Sum(r => r.Registered), totals.Registered);
                Assert.Equal(submitted.Sum(r => r.Surveyed), totals.Surveyed);
            }
            var byCounty = expected.GroupBy(e => e.County).ToList();
            Assert.Equal(byCounty.Select(g => g.Key).Order(), board.Counties.Select(c => c.Name).Order());
            foreach (var county in byCounty)
            {
                Check(board.Counties.Single(c => c.Name == county.Key), county.ToList());
            }
            Check(board.Total, expected);
            Assert.True(board.Total.Submitted > 0 && board.Total.Registered > 0);
        }
    }

    private sealed record Expected(int Id, string County, SurveyStatus Status, SchoolSurvey? Survey, SurveyForm? Form, int Registered, int Surveyed,
        IReadOnlyList<string> Flags, DateTimeOffset? Reminded);
}
