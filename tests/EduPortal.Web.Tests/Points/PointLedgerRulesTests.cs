using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using EduPortal.Data.Points;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EduPortal.Web.Tests.Points;

/// <summary>
/// The ledger against circular 001 附件2's rules (issue 9 §2): the year boundary, resent numbers, the yearly profile
/// points. Dates are fixed (years no other test or the demo data uses), so the tests hold whatever day they run.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PointLedgerRulesTests(PortalFactory portal)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static DateTimeOffset On(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, China);

    /// <summary>A serving teacher of a school other than the demo school's, skipping <paramref name="skip"/> others.</summary>
    private async Task<(string Id, string Phone)> TeacherAsync(int skip)
    {
        var school = await portal.NeighbourSchoolAsync();
        await using var db = await portal.DbAsync();
        var teacher = await db.Users.Where(u => u.OrgUnitId == school.Id && u.Level == AdminLevel.Teacher && u.Status == AccountStatus.Active
                && u.Employment == EmploymentStatus.Serving)
            .OrderBy(u => u.Id).Skip(skip).Select(u => new { u.Id, u.PhoneNumber }).FirstAsync();
        return (teacher.Id, teacher.PhoneNumber!);
    }

    private async Task<List<(DateOnly Day, string Type, int Points, string? Reason, int Year)>> AwardsAsync(string teacherId, string source)
    {
        await using var db = await portal.DbAsync();
        var rows = await (from e in db.PointEvents
                          join a in db.PointAwards on e.Id equals a.EventId
                          where e.TeacherId == teacherId && e.Source == source
                          select new { e.Day, e.Type, e.OccurredAt, a.Points, a.Reason, a.Year }).ToListAsync();
        return [.. rows.OrderBy(r => r.OccurredAt.UtcTicks).Select(r => (r.Day, r.Type, r.Points, r.Reason, r.Year))];
    }

    [Fact]
    public async Task A_week_and_a_login_streak_across_the_new_year_are_recomputed_as_one_week_and_one_run()
    {
        // The week 2043-12-28 (Monday) .. 2044-01-03 straddles the new year, like 2026-12-28 .. 2027-01-03.
        const string source = "boundary-test";
        var (teacher, _) = await TeacherAsync(0);
        var store = portal.Service<PointEventStore>();
        var recomputation = portal.Service<PointRecomputation>();
        IncomingPointEvent Upload(int year, int month, int day, int hour) =>
            new(teacher, PointTypes.ResourceShare, On(year, month, day, hour), $"up-{year}{month:D2}{day:D2}{hour:D2}");
        IncomingPointEvent Login(int year, int month, int day) => new(teacher, PointTypes.Login, On(year, month, day, 7), $"login-{year}{month:D2}{day:D2}");

        // January arrives first: alone it scores four uploads and a first-day sign-in.
        await store.RecordAsync(source, [Upload(2044, 1, 1, 9), Upload(2044, 1, 2, 9), Upload(2044, 1, 3, 9), Upload(2044, 1, 3, 10), Login(2044, 1, 1)]);
        await recomputation.RecomputeDirtyAsync();
        Assert.Equal(5, (await AwardsAsync(teacher, source)).Sum(a => a.Points));

        // Then December's four uploads and twelve sign-ins (20..31 December) come in late: the new year is recomputed too.
        await store.RecordAsync(source, [.. Enumerable.Range(0, 4).Select(i => Upload(2043, 12, 28 + i, 9)), .. Enumerable.Range(20, 12).Select(d => Login(2043, 12, d))]);
        await recomputation.RecomputeDirtyAsync();

        async Task AssertBoundaryAsync()
        {
            var awards = await AwardsAsync(teacher, source);
            var uploads = awards.Where(a => a.Type == PointTypes.ResourceShare).ToList();
            // Eight uploads in one week, cap 5: five score, four in 2043 and one in 2044; each year keeps its own.
            Assert.Equal([1, 1, 1, 1, 1, 0, 0, 0], uploads.Select(a => a.Points));
            Assert.All(uploads, a => Assert.Equal(a.Day.Year, a.Year));
            Assert.Equal("本周资源建设已达上限 5 次", uploads[5].Reason);
            // 1 January is the thirteenth consecutive day of sign-ins (the run is followed back past the first week): 2 points.
            var newYearLogin = awards.Single(a => a.Type == PointTypes.Login && a.Day == new DateOnly(2044, 1, 1));
            Assert.Equal((2, "连续登录第 13 天，第 8 天起每天 2 分"), (newYearLogin.Points, newYearLogin.Reason));

            await using var db = await portal.DbAsync();
            var totals = await db.PointTeacherTotals.Where(t => t.TeacherId == teacher && (t.Year == 2043 || t.Year == 2044))
                .OrderBy(t => t.Year).Select(t => t.Total).ToListAsync();
            Assert.Equal([4 + (7 * 1) + (5 * 2), 1 + 2], totals); // nothing of December counted again in 2044
        }
        await AssertBoundaryAsync();

        // A full-year recompute of either year reads the days it needs and changes nothing.
        await recomputation.RecomputeYearAsync(2044);
        await AssertBoundaryAsync();
        await recomputation.RecomputeYearAsync(2043);
        await AssertBoundaryAsync();
    }

    [Fact]
    public async Task A_resent_event_with_a_lower_number_is_refused_by_the_api_and_the_import_and_keeps_its_points()
    {
        var (teacher, phone) = await TeacherAsync(1);
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var key = (await portal.Service<PointApiKeyService>().IssueAsync(city, "重发测试平台", "resend-test")).Value!;
        var client = portal.CreateClient();
        async Task<JsonElement> SendAsync(int students)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/points/events")
            {
                Content = JsonContent.Create(new { events = new[] { new { externalId = "class-1", teacherPhone = phone, type = PointTypes.ClassSetup, occurredAt = On(2024, 3, 4), quantity = students } } }),
            };
            request.Headers.Add("X-Api-Key", key);
            return JsonDocument.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement.GetProperty("results")[0];
        }

        Assert.Equal("Created", (await SendAsync(30)).GetProperty("status").GetString());
        var lower = await SendAsync(10);
        Assert.Equal("Rejected", lower.GetProperty("status").GetString());
        Assert.Equal("外部编号“class-1”的事件已记录数量 30，重发时数量只能增加，不能减少（本次 10）", lower.GetProperty("error").GetString());
        Assert.Equal("Updated", (await SendAsync(31)).GetProperty("status").GetString());
        await portal.Service<PointRecomputation>().RecomputeDirtyAsync();
        var award = Assert.Single(await AwardsAsync(teacher, "resend-test"));
        Assert.Equal(50, award.Points); // the class of 31 keeps its 班级组建 points

        // The same in an import: the row is reported, nothing changes.
        var admin = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        byte[] Sheet(int students)
        {
            using var workbook = new XLWorkbook(new MemoryStream(PointImportService.BuildTemplate()));
            var sheet = workbook.Worksheet(1);
            sheet.Row(2).Delete();
            string[] cells = [phone, "班级组建", "2024-03-05 10:00", students.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "CS-RESEND"];
            for (var c = 0; c < cells.Length; c++)
            {
                sheet.Cell(2, c + 1).SetValue(cells[c]);
            }
            using var file = new MemoryStream();
            workbook.SaveAs(file);
            return file.ToArray();
        }
        var importer = portal.Service<PointImportService>();
        Assert.Equal(1, (await importer.ImportAsync(admin, new MemoryStream(Sheet(30)), "classes.xlsx")).Value!.Created);
        var refused = Assert.Single((await importer.ImportAsync(admin, new MemoryStream(Sheet(10)), "classes.xlsx")).Value!.Rejected);
        Assert.Equal((2, "外部编号“CS-RESEND”的事件已记录数量 30，重发时数量只能增加，不能减少（本次 10）"), (refused.RowNumber, refused.Error));
        await using var db = await portal.DbAsync();
        Assert.Equal(30, (await db.PointEvents.SingleAsync(e => e.ExternalId == "CS-RESEND" && e.TeacherId == teacher)).Quantity);
    }

    [Fact]
    public async Task A_complete_profile_earns_its_points_again_at_the_first_sign_in_of_each_new_year()
    {
        var (teacher, _) = await TeacherAsync(2);
        await using (var db = await portal.DbAsync())
        {
            await db.Users.Where(u => u.Id == teacher).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.AvatarFileKey, "avatars/profile-test.png").SetProperty(u => u.SubjectsText, "数学"));
        }
        var clock = new FakeTimeProvider(On(2045, 1, 2, 8));
        var recorder = new PointEventRecorder(portal.Services.GetRequiredService<IDbContextFactory<Data.EduPortalDbContext>>(),
            portal.Service<PointEventStore>(), portal.Service<PointRecomputation>(), clock, NullLogger<PointEventRecorder>.Instance);

        // The teacher edits nothing: signing in on the first days of 2045, then of 2046.
        await recorder.RecordSignInAsync(teacher);
        clock.Advance(TimeSpan.FromDays(1));
        await recorder.RecordSignInAsync(teacher);
        clock.SetUtcNow(On(2046, 1, 5, 8));
        await recorder.RecordSignInAsync(teacher);

        var profile = (await AwardsAsync(teacher, PointSources.Portal)).Where(a => a.Type == PointTypes.ProfileComplete && a.Year >= 2045).ToList();
        Assert.Equal([(2045, 20), (2046, 20)], profile.Select(a => (a.Year, a.Points)));
        await using var check = await portal.DbAsync();
        Assert.Equal([PointEventRecorder.ProfileExternalId(teacher, 2045), PointEventRecorder.ProfileExternalId(teacher, 2046)],
            await check.PointEvents.Where(e => e.TeacherId == teacher && e.Type == PointTypes.ProfileComplete && e.Day >= new DateOnly(2045, 1, 1))
                .OrderBy(e => e.Day).Select(e => e.ExternalId).ToListAsync());
    }
}
