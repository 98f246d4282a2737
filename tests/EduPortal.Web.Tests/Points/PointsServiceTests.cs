using System.Net;
using ClosedXML.Excel;
using EduPortal.Data.Accounts;
using EduPortal.Data.Points;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Points;

[Collection(PortalCollection.Name)]
public sealed class PointsServiceTests(PortalFactory portal)
{
    /// <summary>The year the demo activity fills most, by the portal's clock (the suite runs on any date).</summary>
    private int ThisYear => portal.PointsYear;

    [Fact]
    public async Task Signing_in_records_one_login_event_a_day_and_my_points_shows_it()
    {
        var (client, response) = await portal.SignInAsync(DemoAccounts.Teacher);
        Assert.True(PortalFactory.IsSignedIn(response));
        await PortalFactory.PostLoginAsync(portal.Browser(), DemoAccounts.Teacher, DemoAccounts.DemoPassword);

        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var today = portal.Today;
        await using (var db = await portal.DbAsync())
        {
            var logins = await db.PointEvents.Where(e => e.TeacherId == teacher.UserId && e.Type == PointTypes.Login && e.Day == today).ToListAsync();
            Assert.Equal($"login-{teacher.UserId}-{today:yyyyMMdd}", Assert.Single(logins).ExternalId);
        }
        var mine = (await portal.Service<PointQueryService>().MyPointsAsync(teacher, today.Year)).Value!;
        var line = mine.Details.First(d => PointEngine.ChinaDay(d.OccurredAt) == today && d.TypeName == "空间登录");
        Assert.True(line.Points >= 1);
        Assert.True(mine.TodayPoints >= line.Points);
        Assert.Equal(mine.ByCategory.Sum(), mine.Total);
        Assert.Equal(mine.Details.Sum(d => d.Points), mine.Total);
        Assert.Equal(Math.Floor(mine.Total * 10m / mine.PointsPerHour) / 10m, mine.Hours);
        Assert.NotNull(mine.School.Rank);
        Assert.True(mine.School.Rank <= mine.County.Rank && mine.County.Rank <= mine.City.Rank);
        Assert.Equal("本平台", line.Source);
        // Events from other platforms show their source; on the first days of a year the demo teacher may have none
        // yet, so this looks at the year the demo activity fills most.
        var demoYear = today.Year == ThisYear ? mine : (await portal.Service<PointQueryService>().MyPointsAsync(teacher, ThisYear)).Value!;
        Assert.Contains(demoYear.Details, d => d.Source == "人人通空间（演示）");
    }

    [Fact]
    public async Task Recomputing_the_year_from_raw_events_reproduces_the_stored_awards_exactly()
    {
        await portal.Service<PointRecomputation>().RecomputeDirtyAsync();
        async Task<List<(long, string, int, DateOnly, int, string?)>> SnapshotAsync()
        {
            await using var db = await portal.DbAsync();
            var rows = await db.PointAwards.Where(a => a.Year == ThisYear).Select(a => new { a.EventId, a.TeacherId, a.Year, a.Day, a.Points, a.Reason }).ToListAsync();
            return rows.Select(r => (r.EventId, r.TeacherId, r.Year, r.Day, r.Points, r.Reason)).OrderBy(r => r.EventId).ToList();
        }
        var before = await SnapshotAsync();
        var events = await portal.Service<PointRecomputation>().RecomputeYearAsync(ThisYear);
        var after = await SnapshotAsync();
        Assert.True(events > 1000);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(before, after);
        // The weekly rollup and the totals add up to the awards.
        await using var db = await portal.DbAsync();
        var awarded = await db.PointAwards.Where(a => a.Year == ThisYear).SumAsync(a => a.Points);
        Assert.Equal(awarded, await db.PointTeacherWeeks.Where(w => w.Year == ThisYear).SumAsync(w => w.Points));
        Assert.Equal(awarded, await db.PointTeacherTotals.Where(t => t.Year == ThisYear).SumAsync(t => t.Total));
    }

    [Fact]
    public async Task School_index_leaves_out_retired_and_departed_teachers_and_shows_a_dash_without_active_teachers()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        string retiredId;
        await using (var db = await portal.DbAsync())
        {
            // Retire the school's second-best teacher: their points leave the school's index.
            var teacherIds = await db.Users.Where(u => u.OrgUnitId == admin.OrgUnitId && u.Level == AdminLevel.Teacher && u.UserName != DemoAccounts.Teacher)
                .Select(u => u.Id).ToListAsync();
            retiredId = await db.PointTeacherTotals.Where(t => t.Year == ThisYear && teacherIds.Contains(t.TeacherId)).OrderByDescending(t => t.Total)
                .Select(t => t.TeacherId).FirstAsync();
            await db.Users.Where(u => u.Id == retiredId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Employment, EmploymentStatus.Retired));
        }
        var school = (await portal.Service<PointQueryService>().SchoolAsync(admin, admin.OrgUnitId, ThisYear)).Value!;
        await using (var db = await portal.DbAsync())
        {
            var serving = await db.Users.Where(u => u.OrgUnitId == admin.OrgUnitId && u.Status == AccountStatus.Active && u.Employment == EmploymentStatus.Serving)
                .Select(u => u.Id).ToListAsync();
            var points = await db.PointTeacherTotals.Where(t => t.Year == ThisYear && serving.Contains(t.TeacherId)).SumAsync(t => t.Total);
            Assert.Equal(serving.Count, school.Index.ActiveTeachers);
            Assert.Equal(points, school.Index.ActivePoints);
            Assert.Equal(Math.Round((decimal)points / serving.Count, 2), school.Index.Index);
        }
        var retired = school.Teachers.Single(t => t.TeacherId == retiredId);
        Assert.False(retired.CountsInIndex); // listed, marked, but out of the index
        Assert.True(retired.Total > 0);
        // Listed after every teacher who counts (the demo school may have other retired teachers: their order
        // among themselves is by points, which the data does not fix).
        Assert.Contains(retired, school.Teachers.SkipWhile(t => t.CountsInIndex));
        Assert.All(school.Teachers.SkipWhile(t => t.CountsInIndex), t => Assert.False(t.CountsInIndex));

        // A school whose every teacher has left: "—", unranked, no division error.
        var empty = await portal.OtherCountySchoolAsync();
        await using (var db = await portal.DbAsync())
        {
            await db.Users.Where(u => u.OrgUnitId == empty.Id && u.Level <= AdminLevel.School)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Employment, EmploymentStatus.Retired));
        }
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var rankings = (await portal.Service<PointQueryService>().RankingsAsync(city, new RankingQuery(ThisYear))).Value!;
        var row = rankings.Schools.Single(s => s.SchoolId == empty.Id);
        Assert.Equal(("—", (int?)null, 0), (row.IndexText, row.Rank, row.ActiveTeachers));
        // Unranked schools come after every ranked one.
        Assert.Contains(row, rankings.Schools.SkipWhile(s => s.Index is not null));
        Assert.All(rankings.Schools.SkipWhile(s => s.Index is not null), s => Assert.Null(s.Index));
        Assert.DoesNotContain(rankings.Teachers, t => t.SchoolId == empty.Id);
    }

    [Fact]
    public async Task Rankings_for_a_date_range_sum_the_awards_of_those_days_only()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        // The month before last: always inside the seeded 52 weeks, whatever the date.
        var monthAgo = portal.Today.AddMonths(-2);
        var from = new DateOnly(monthAgo.Year, monthAgo.Month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        var ranking = (await portal.Service<PointQueryService>().RankingsAsync(county, new RankingQuery(from.Year, from, to, IncludeWeeks: true))).Value!;
        var top = ranking.Teachers[0];
        await using var db = await portal.DbAsync();
        var expected = await db.PointAwards.Where(a => a.TeacherId == top.TeacherId && a.Day >= from && a.Day <= to).SumAsync(a => a.Points);
        Assert.Equal(expected, top.Total);
        Assert.Equal($"{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}", ranking.PeriodText);
        Assert.NotEmpty(ranking.Weeks);
        Assert.All(ranking.Weeks, w => Assert.InRange(w.WeekStart, PointEngine.WeekStart(from), to));
        Assert.Equal(1, ranking.Teachers.Select(t => t.Rank).First());
        Assert.True(ranking.Teachers.Zip(ranking.Teachers.Skip(1)).All(p => p.First.Total >= p.Second.Total));

        // The year's trend (from the weekly rollup) adds up to the county's ranked teachers' awards.
        var year = (await portal.Service<PointQueryService>().RankingsAsync(county, new RankingQuery(ThisYear, IncludeWeeks: true))).Value!;
        var countyPath = OrgUnit.AncestorPaths(county.OrgPath)[1];
        // Ranked teachers: serving active accounts at the county's schools (another test may have disabled or retired one).
        var countyTeachers = db.Users.PointEarners().Serving().Where(u => u.OrgUnit!.Path.StartsWith(countyPath)).Select(u => u.Id);
        Assert.Equal(await db.PointAwards.Where(a => a.Year == ThisYear && countyTeachers.Contains(a.TeacherId)).SumAsync(a => a.Points), year.Weeks.Sum(w => w.Points));

        var bad = await portal.Service<PointQueryService>().RankingsAsync(county, new RankingQuery(ThisYear, to, from));
        Assert.Equal("结束日期不能早于开始日期", Assert.IsType<ValidationError>(bad.Error).Fields["To"]);
    }

    [Fact]
    public async Task Every_points_page_refuses_what_is_outside_the_callers_jurisdiction()
    {
        var query = portal.Service<PointQueryService>();
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var other = await portal.OtherCountySchoolAsync();
        var neighbour = await portal.NeighbourSchoolAsync();

        Assert.IsType<NotFoundError>((await query.SchoolAsync(schoolAdmin, other.Id, ThisYear)).Error);
        Assert.IsType<NotFoundError>((await query.SchoolAsync(schoolAdmin, neighbour.Id, ThisYear)).Error);
        Assert.IsType<NotFoundError>((await query.SchoolAsync(county, other.Id, ThisYear)).Error);
        Assert.True((await query.SchoolAsync(county, neighbour.Id, ThisYear)).Succeeded);
        Assert.IsType<ForbiddenError>((await query.SchoolAsync(teacher, teacher.OrgUnitId, ThisYear)).Error);
        var otherCountyId = other.ParentId!.Value;
        await using (var db = await portal.DbAsync())
        {
            var countyPath = OrgUnit.AncestorPaths(other.Path)[1];
            otherCountyId = await db.OrgUnits.Where(o => o.Path == countyPath).Select(o => o.Id).SingleAsync();
        }
        // Rankings are public (circular 001 附件2 §一(二)), named teachers are not: another county's ranking lists none.
        Assert.Empty((await query.RankingsAsync(county, new RankingQuery(ThisYear, OrgUnitId: otherCountyId))).Value!.Teachers);
        Assert.True((await query.RankingsAsync(city, new RankingQuery(ThisYear, OrgUnitId: otherCountyId))).Succeeded);
        // A county's ranking lists only its own schools and teachers.
        var own = (await query.RankingsAsync(county, new RankingQuery(ThisYear))).Value!;
        Assert.DoesNotContain(own.Schools, s => s.SchoolId == other.Id);
        Assert.All(own.Schools, s => Assert.Equal("东溪区教育局", s.CountyName));
        Assert.IsType<ForbiddenError>((await query.MyPointsAsync(city, ThisYear)).Error);
        Assert.IsType<ForbiddenError>((await portal.Service<PointRuleService>().SaveAsync(county, DefaultPointRules.For(ThisYear), "")).Error);
        Assert.IsType<ForbiddenError>((await portal.Service<PointJobs>().RequestYearRecomputeAsync(county, ThisYear)).Error);

        // Pages: a teacher is turned away from the admin pages; a school admin sees another school's page as not found.
        var (teacherClient, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        foreach (var path in new[] { "/points/school", "/points/rules", "/points/keys", "/points/import", "/points/import-template.xlsx" })
        {
            var response = await teacherClient.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
            Assert.Contains("AccessDenied", response.Headers.Location?.OriginalString ?? "AccessDenied");
        }
        var (adminClient, _) = await portal.SignInAsync(DemoAccounts.SchoolAdmin);
        var html = await PortalFactory.HtmlAsync(await adminClient.GetAsync($"/points/school/{other.Id}"));
        Assert.Contains("未找到该记录，或不在您的管辖范围内", html);
        Assert.DoesNotContain(other.Name, html);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/points/import-template.xlsx")).StatusCode);
    }

    [Fact]
    public async Task An_import_keeps_good_rows_reports_bad_ones_and_counts_a_reimport_once()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var other = await portal.OtherCountySchoolAsync();
        string otherTeacherPhone;
        await using (var db = await portal.DbAsync())
        {
            otherTeacherPhone = await db.Users.Where(u => u.OrgUnitId == other.Id && u.Level == AdminLevel.Teacher).Select(u => u.PhoneNumber!).FirstAsync();
        }
        using var workbook = new XLWorkbook(new MemoryStream(PointImportService.BuildTemplate()));
        var sheet = workbook.Worksheet(1);
        sheet.Row(2).Delete();
        object[][] rows =
        [
            ["13800000004", "课件制作", $"{ThisYear}-04-07 10:00", "", "", "KJ-1"],
            ["13800000004", "互动授课", $"{ThisYear}-04-07 11:00", "40", "", ""],
            [otherTeacherPhone, "课件制作", $"{ThisYear}-04-07 10:00", "", "", "KJ-2"],
            ["13800000004", "飞行", $"{ThisYear}-04-07 10:00", "", "", "KJ-3"],
            ["13800000004", "互动授课", "昨天", "", "", "KJ-4"],
            ["13800000004", "互动授课", $"{ThisYear}-04-08 10:00", "-3", "", "KJ-5"],
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 2, c + 1).SetValue(rows[r][c].ToString());
            }
        }
        using var file = new MemoryStream();
        workbook.SaveAs(file);

        var importer = portal.Service<PointImportService>();
        var result = (await importer.ImportAsync(admin, new MemoryStream(file.ToArray()), "events.xlsx")).Value!;
        Assert.Equal(2, result.Created);
        var rejected = result.Rejected.ToList();
        Assert.Equal([4, 5, 6, 7], rejected.Select(r => r.RowNumber));
        Assert.Equal($"手机号 {otherTeacherPhone} 不是您管辖范围内的在校教师", rejected[0].Error);
        Assert.Equal("未知的事件类型“飞行”", rejected[1].Error);
        Assert.Equal("发生时间“昨天”无法识别，请按 2026-03-02 08:30 填写", rejected[2].Error);
        Assert.Equal("数量“-3”应为非负整数", rejected[3].Error);

        var again = (await importer.ImportAsync(admin, new MemoryStream(file.ToArray()), "events.xlsx")).Value!;
        Assert.Equal((0, 2), (again.Created, again.Duplicates));

        var csv = "手机号,事件类型,发生时间,数量,数量2,编号\n13800000004,教研活动,2026-04-09 09:00,,,TR-1\n"u8.ToArray();
        Assert.Equal(1, (await importer.ImportAsync(admin, new MemoryStream(csv), "events.csv")).Value!.Created);

        await using var check = await portal.DbAsync();
        var source = PointSources.ImportPrefix + admin.OrgUnitId;
        Assert.Equal(3, await check.PointEvents.CountAsync(e => e.Source == source));
        var ids = await check.PointEvents.Where(e => e.Source == source).Select(e => e.Id).ToListAsync();
        Assert.Equal(3, await check.PointAwards.CountAsync(a => ids.Contains(a.EventId))); // awarded right away
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == AuditActions.PointEventsImported));
    }

    [Fact]
    public async Task A_rule_edit_is_versioned_and_audited_and_the_recompute_job_applies_it_with_progress()
    {
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var rules = portal.Service<PointRuleService>();
        var current = await rules.GetAsync(ThisYear);
        var bad = await rules.SaveAsync(city, current with { PointsPerHour = 0 }, "错误");
        Assert.Equal("折算比例应为 1–10000 分/学时", Assert.IsType<ValidationError>(bad.Error).Fields["PointsPerHour"]);

        int TotalOf(IEnumerable<PointTeacherTotal> totals) => totals.Sum(t => t.Total);
        await portal.Service<PointRecomputation>().RecomputeDirtyAsync();
        await using var db = await portal.DbAsync();
        var beforeTotal = TotalOf(await db.PointTeacherTotals.Where(t => t.Year == ThisYear).ToListAsync());
        var officeEvents = await (from a in db.PointAwards
                                  join e in db.PointEvents on a.EventId equals e.Id
                                  where a.Year == ThisYear && e.Type == PointTypes.CampusOffice && a.Points > 0
                                  select a).CountAsync();

        var edited = current with { Rules = [.. current.Rules.Select(r => r.Type == PointTypes.CampusOffice ? r with { Points = 3 } : r)] };
        var version = await rules.SaveAsync(city, edited, "校园办公提高到 3 分");
        Assert.True(version.Succeeded, version.Error?.Message);
        Assert.Equal(3, (await rules.GetAsync(ThisYear)).Find(PointTypes.CampusOffice)!.Points);
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.PointRulesChanged).OrderByDescending(a => a.Id).FirstAsync();
        Assert.Contains("校园办公", audit.After);

        try
        {
            var jobs = portal.Service<PointJobs>();
            var runId = (await jobs.RequestYearRecomputeAsync(city, ThisYear)).Value;
            Assert.IsType<ConflictError>((await jobs.RequestYearRecomputeAsync(city, ThisYear)).Error);
            RecomputeRunRow run;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            do
            {
                await Task.Delay(200);
                run = (await jobs.RecentRunsAsync(ThisYear)).Single(r => r.Id == runId);
            }
            while (run.FinishedAt is null && DateTime.UtcNow < deadline);
            Assert.Null(run.Failure);
            Assert.Equal(100, run.Percent);
            Assert.True(run.TeachersTotal > 1000);

            await using var after = await portal.DbAsync();
            Assert.Equal(beforeTotal + 2 * officeEvents, TotalOf(await after.PointTeacherTotals.Where(t => t.Year == ThisYear).ToListAsync()));
        }
        finally
        {
            // Back to the default table, so the other tests see the circular's points.
            await rules.SaveAsync(city, current, "恢复默认");
            await portal.Service<PointRecomputation>().RecomputeYearAsync(ThisYear);
        }
        var versions = await rules.VersionsAsync(ThisYear);
        Assert.Equal("恢复默认", versions[0].Note);
        Assert.Equal("校园办公提高到 3 分", versions[1].Note);
    }
}
