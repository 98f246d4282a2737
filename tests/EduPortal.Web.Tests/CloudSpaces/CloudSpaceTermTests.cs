using System.Text;
using ClosedXML.Excel;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Domain.Points;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.CloudSpaces;
using EduPortal.Web.Infrastructure.Metrics;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.CloudSpaces;

[Collection(PortalCollection.Name)]
public sealed class CloudSpaceTermTests(PortalFactory portal)
{
    private CloudSpaceTermService Terms => portal.Service<CloudSpaceTermService>();
    private CloudSpaceImportService Import => portal.Service<CloudSpaceImportService>();

    private async Task<int> CurrentTermAsync(Caller admin)
    {
        var opened = await Terms.OpenCurrentAsync(admin);
        Assert.True(opened.Succeeded, opened.Error?.Message);
        return opened.Value;
    }

    private async Task<string> TeacherPhoneAsync()
    {
        await using var db = await portal.DbAsync();
        return await db.Users.Where(u => u.UserName == DemoAccounts.Teacher).Select(u => u.PhoneNumber!).SingleAsync();
    }

    private static MemoryStream Sheet(params object[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("云空间统计");
        for (var c = 0; c < CloudSpaceImportService.Headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = CloudSpaceImportService.Headers[c];
        }
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 2, c + 1).SetValue(Convert.ToString(rows[r][c], System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    private static object[] Row(string phone, int articles, int original) =>
        [phone, "测试", articles, original, 6, 5, 3, 4, 8, 20, 4, "是", "是", 5, 4];

    [Fact]
    public async Task Demo_data_has_a_finished_awarded_term_and_a_current_term_in_progress()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var terms = await Terms.TermsAsync(admin);
        var current = UseTerm.Of(portal.Today);
        Assert.Contains(terms, t => t.Start == current.Start && t.AwardedAt is null);
        var last = Assert.Single(terms, t => t.End == current.Start.AddDays(-1));
        Assert.NotNull(last.AwardedAt);
        var view = (await Terms.TermAsync(admin, last.Id)).Value!;
        Assert.NotEmpty(view.Teachers);
        Assert.Contains(view.Awards, a => a.Tier != CloudSpaceAwardTier.None);
    }

    [Fact]
    public async Task Imported_statistics_show_the_teacher_an_unmet_target_with_its_reason_and_the_import_is_audited()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var termId = await CurrentTermAsync(admin);
        using var file = Sheet(Row(await TeacherPhoneAsync(), 10, 3));

        var result = await Import.ImportAsync(admin, termId, file, "统计.xlsx");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(1, result.Value!.Saved);
        var mine = (await Terms.MyAsync(await portal.CallerAsync(DemoAccounts.Teacher))).Value!;
        var articles = mine.Row.Checklist[CloudSpaceTarget.Articles];
        Assert.False(articles.Met);
        Assert.Equal("原创文章 30%，低于 35%", articles.Reason);
        Assert.False(mine.Row.Checklist.Qualified);
        Assert.True(mine.Row.Checklist[CloudSpaceTarget.Album].Met);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.CloudSpaceStatisticsImported && a.EntityId == termId.ToString()));
    }

    [Fact]
    public async Task A_csv_import_reads_the_same_columns()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var termId = await CurrentTermAsync(admin);
        var csv = string.Join(',', CloudSpaceImportService.Headers) + "\n" + string.Join(',', Row(await TeacherPhoneAsync(), 20, 7).Select(c => Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture)));
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));

        var result = await Import.ImportAsync(admin, termId, file, "统计.csv");

        Assert.True(result.Succeeded, result.Error?.Message);
        var mine = (await Terms.MyAsync(await portal.CallerAsync(DemoAccounts.Teacher))).Value!;
        Assert.Equal("原创文章 35%（7/20 篇）", mine.Row.Checklist[CloudSpaceTarget.Articles].Reason);
    }

    [Fact]
    public async Task Unknown_teachers_and_bad_rows_are_reported_with_row_numbers_and_nothing_is_saved()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var termId = await CurrentTermAsync(admin);
        await using var db = await portal.DbAsync();
        var otherSchoolPhone = await db.Users.Where(u => u.OrgUnitId != admin.OrgUnitId && u.PhoneNumber != null && u.Level == AdminLevel.Teacher).Select(u => u.PhoneNumber!).FirstAsync();
        var phone = await TeacherPhoneAsync();
        var before = await db.CloudSpaceStatistics.AsNoTracking().Where(s => s.TermId == termId).Select(s => new { s.TeacherId, s.Articles, s.UpdatedAt }).ToListAsync();
        var bad = Row(phone, 5, 9);
        bad[9] = "很多";
        using var file = Sheet(Row("13000000000", 10, 5), bad, Row(otherSchoolPhone, 10, 5));

        var result = (await Import.ImportAsync(admin, termId, file, "统计.xlsx")).Value!;

        Assert.Equal(0, result.Saved);
        var rejected = result.Rejected.ToList();
        Assert.Equal([2, 3, 4], rejected.Select(r => r.RowNumber));
        Assert.Equal("手机号 13000000000 不是本校在岗教师", Assert.Single(rejected[0].Errors));
        Assert.Contains("照片数“很多”应为非负整数", rejected[1].Errors);
        Assert.Contains("原创文章数不能大于文章数", rejected[1].Errors);
        Assert.Contains("不是本校在岗教师", Assert.Single(rejected[2].Errors));
        var after = await db.CloudSpaceStatistics.AsNoTracking().Where(s => s.TermId == termId).Select(s => new { s.TeacherId, s.Articles, s.UpdatedAt }).ToListAsync();
        Assert.Equal(before.OrderBy(s => s.TeacherId), after.OrderBy(s => s.TeacherId));
    }

    [Fact]
    public async Task A_file_with_the_wrong_header_is_refused_next_to_the_file_field()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var termId = await CurrentTermAsync(admin);
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("姓名,手机号\n张三,13900000000"));

        var result = await Import.ImportAsync(admin, termId, file, "统计.csv");

        Assert.Equal("第 1 行第 1 列应为“手机号”，请使用下载的模板", Assert.IsType<ValidationError>(result.Error).Fields["File"]);
    }

    [Fact]
    public async Task A_manual_entry_needs_evidence_is_audited_and_survives_a_later_import()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var termId = await CurrentTermAsync(admin);
        var album = new CloudSpaceInputs { Photos = 3, Albums = 1 };

        var missing = await Terms.EnterAsync(admin, termId, teacher.UserId, CloudSpaceTarget.Album, album, null, "  ");
        Assert.Equal("请填写依据说明或链接", Assert.IsType<ValidationError>(missing.Error).Fields["Evidence"]);
        var incomplete = await Terms.EnterAsync(admin, termId, teacher.UserId, CloudSpaceTarget.Album, new CloudSpaceInputs { Photos = 3 }, null, "截图");
        Assert.Equal("请填写④相册栏目的每一项数字", Assert.IsType<ValidationError>(incomplete.Error).Fields["Figures"]);
        var ledger = await Terms.EnterAsync(admin, termId, teacher.UserId, CloudSpaceTarget.Interaction, album, null, "截图");
        Assert.IsType<ValidationError>(ledger.Error);

        var saved = await Terms.EnterAsync(admin, termId, teacher.UserId, CloudSpaceTarget.Album, album, null, "https://xz.wuhaneduyun.cn/space/album 截图");
        Assert.True(saved.Succeeded, saved.Error?.Message);
        using var file = Sheet(Row(await TeacherPhoneAsync(), 10, 5));
        var imported = (await Import.ImportAsync(admin, termId, file, "统计.xlsx")).Value!;

        Assert.Contains(imported.KeptManual, k => k.Contains("④相册栏目"));
        var mine = (await Terms.MyAsync(teacher)).Value!;
        Assert.Equal("照片 3 张，差 12 张；相册 1 个，差 2 个", mine.Row.Checklist[CloudSpaceTarget.Album].Reason);
        Assert.Contains(await Terms.EntriesAsync(admin, termId, teacher.UserId), e => e.Evidence.StartsWith("https://xz.wuhaneduyun.cn", StringComparison.Ordinal));
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.CloudSpaceManualEntry && a.Summary.Contains("依据：https://xz.wuhaneduyun.cn")));
    }

    [Fact]
    public async Task Logins_a_week_and_points_come_from_the_deep_application_ledger()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var termId = await CurrentTermAsync(admin);
        await using var db = await portal.DbAsync();
        var term = await db.CloudSpaceTerms.AsNoTracking().SingleAsync(t => t.Id == termId);
        var points = await db.PointAwards.Where(a => a.TeacherId == teacher.UserId && a.Day >= term.Start && a.Day <= term.End).SumAsync(a => a.Points);
        var loginDays = await db.PointEvents.Where(e => e.TeacherId == teacher.UserId && e.Type == PointTypes.Login && e.Day >= term.Start && e.Day <= term.End)
            .Select(e => e.Day).Distinct().CountAsync();

        var row = (await Terms.MyAsync(teacher)).Value!.Row;

        Assert.Equal(points, row.Points);
        Assert.Equal(Math.Round((decimal)loginDays / term.WeeksThrough(portal.Today), 2), row.LoginsPerWeek);
        Assert.True(loginDays > 0, "the demo ledger has sign-ins this term");
    }

    [Fact]
    public async Task Thresholds_are_editable_per_term_with_bad_values_refused()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var termId = await CurrentTermAsync(admin);
        using (var file = Sheet(Row(await TeacherPhoneAsync(), 10, 4)))
        {
            Assert.True((await Import.ImportAsync(admin, termId, file, "统计.xlsx")).Succeeded);
        }
        var bad = CloudSpaceThresholds.Circular001();
        bad.ArticleOriginalPercent = 120;
        Assert.Contains(nameof(CloudSpaceThresholds.ArticleOriginalPercent),
            Assert.IsType<ValidationError>((await Terms.ConfigureAsync(admin, termId, bad, new CloudSpaceAwardCounts())).Error).Fields.Keys);

        var stricter = CloudSpaceThresholds.Circular001();
        stricter.ArticleOriginalPercent = 50;
        Assert.True((await Terms.ConfigureAsync(admin, termId, stricter, new CloudSpaceAwardCounts(3, 5, 8))).Succeeded);
        var mine = (await Terms.MyAsync(await portal.CallerAsync(DemoAccounts.Teacher))).Value!;
        Assert.Equal("原创文章 40%，低于 50%", mine.Row.Checklist[CloudSpaceTarget.Articles].Reason);
        Assert.True((await Terms.ConfigureAsync(admin, termId, CloudSpaceThresholds.Circular001(), new CloudSpaceAwardCounts())).Succeeded);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.CloudSpaceTermConfigured && a.EntityId == termId.ToString()));
    }

    [Fact]
    public async Task Another_schools_term_and_teachers_are_not_found()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var termId = await CurrentTermAsync(admin);
        var neighbour = await portal.NeighbourSchoolAsync();
        await using var db = await portal.DbAsync();
        var otherTerm = await db.CloudSpaceTerms.Where(t => t.SchoolId == neighbour.Id).Select(t => t.Id).FirstAsync();
        var otherTeacher = await db.Users.Where(u => u.OrgUnitId == neighbour.Id && u.Level == AdminLevel.Teacher).Select(u => u.Id).FirstAsync();
        var otherAward = await db.CloudSpaceAwards.Where(a => a.TermId == otherTerm || db.CloudSpaceTerms.Any(t => t.Id == a.TermId && t.SchoolId == neighbour.Id)).Select(a => a.Id).FirstAsync();
        var entries = await db.CloudSpaceManualEntries.CountAsync();

        Assert.IsType<NotFoundError>((await Terms.TermAsync(admin, otherTerm)).Error);
        Assert.IsType<NotFoundError>((await Terms.ConfigureAsync(admin, otherTerm, CloudSpaceThresholds.Circular001(), new CloudSpaceAwardCounts())).Error);
        Assert.IsType<NotFoundError>((await Terms.EnterAsync(admin, otherTerm, otherTeacher, CloudSpaceTarget.Apps, new CloudSpaceInputs { Apps = 9 }, null, "x")).Error);
        Assert.IsType<NotFoundError>((await Terms.EnterAsync(admin, termId, otherTeacher, CloudSpaceTarget.Apps, new CloudSpaceInputs { Apps = 9 }, null, "x")).Error);
        Assert.IsType<NotFoundError>((await Terms.AssessAwardAsync(admin, otherTerm)).Error);
        Assert.IsType<NotFoundError>((await Terms.OverrideAwardAsync(admin, otherAward, CloudSpaceAwardTier.First, "x")).Error);
        Assert.Empty(await Terms.EntriesAsync(admin, otherTerm, otherTeacher));
        using var file = Sheet(Row(await TeacherPhoneAsync(), 10, 5));
        Assert.IsType<NotFoundError>((await Import.ImportAsync(admin, otherTerm, file, "统计.xlsx")).Error);
        Assert.DoesNotContain(await Terms.TermsAsync(admin), t => t.SchoolId == neighbour.Id);
        Assert.Equal(entries, await db.CloudSpaceManualEntries.CountAsync());
        // A teacher reads no school term; a county admin reads but does not change.
        Assert.IsType<NotFoundError>((await Terms.TermAsync(await portal.CallerAsync(DemoAccounts.Teacher), termId)).Error);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var countyView = (await Terms.TermAsync(county, termId)).Value!;
        Assert.False(countyView.CanManage);
        Assert.IsType<NotFoundError>((await Terms.ConfigureAsync(county, termId, CloudSpaceThresholds.Circular001(), new CloudSpaceAwardCounts())).Error);
    }

    [Fact]
    public async Task The_award_waits_for_term_end_then_ranks_and_an_override_needs_a_note_and_is_audited()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var current = await CurrentTermAsync(admin);
        var early = await Terms.AssessAwardAsync(admin, current);
        Assert.Contains("学期结束", Assert.IsType<ConflictError>(early.Error).Message);

        var last = (await Terms.TermsAsync(admin)).Single(t => t.End < portal.Today && t.SchoolId == admin.OrgUnitId && t.End == UseTerm.Of(portal.Today).Start.AddDays(-1));
        Assert.True((await Terms.AssessAwardAsync(admin, last.Id)).Succeeded);
        var view = (await Terms.TermAsync(admin, last.Id)).Value!;
        // Every teacher ranked, 合格 first; tiers by count (a school with fewer teachers than places gives fewer awards).
        Assert.Equal(view.Teachers.Count, view.Awards.Count);
        // Ties at a boundary can only add places.
        Assert.True(view.Awards.Count(a => a.Tier != CloudSpaceAwardTier.None) >= Math.Min(45, view.Teachers.Count));
        Assert.True(view.Awards.Count(a => a.RuleTier == CloudSpaceAwardTier.First) >= Math.Min(6, view.Teachers.Count));
        var ranked = view.Awards.OrderBy(a => a.Rank).ToList();
        Assert.True(ranked.SkipWhile(a => a.Qualified).All(a => !a.Qualified), "合格 teachers rank first");
        var first = view.Awards.OrderBy(a => a.Rank).First();

        var noNote = await Terms.OverrideAwardAsync(admin, first.Id, CloudSpaceAwardTier.Second, "");
        Assert.Equal("调整奖次须填写说明", Assert.IsType<ValidationError>(noNote.Error).Fields["Note"]);
        Assert.True((await Terms.OverrideAwardAsync(admin, first.Id, CloudSpaceAwardTier.Second, "空间内容经核查有转载未注明")).Succeeded);
        var changed = (await Terms.TermAsync(admin, last.Id)).Value!.Awards.Single(a => a.Id == first.Id);
        Assert.Equal(CloudSpaceAwardTier.Second, changed.Tier);
        Assert.Equal(first.RuleTier, changed.RuleTier);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.CloudSpaceAwardOverridden && a.EntityId == first.Id.ToString()));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.CloudSpaceAwardAssessed && a.EntityId == last.Id.ToString()));
    }

    [Fact]
    public async Task The_county_sees_compliance_per_school_of_its_subtree_and_exports_it_with_period_and_time()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var compliance = portal.Service<CloudSpaceComplianceService>();
        var other = await portal.OtherCountySchoolAsync();
        var own = await portal.DemoSchoolAsync();

        var report = (await compliance.ReportAsync(county, null)).Value!;

        Assert.Contains(report.Schools, s => s.SchoolId == own.Id && s.Opened && s.Teachers > 0);
        Assert.DoesNotContain(report.Schools, s => s.SchoolId == other.Id);
        Assert.Equal(UseTerm.Of(portal.Today).Name, report.PeriodName);
        using var workbook = new XLWorkbook(new MemoryStream(CloudSpaceComplianceService.BuildWorkbook(report)));
        var caption = workbook.Worksheets.First().Cell(1, 1).GetString();
        Assert.Contains(report.PeriodName, caption);
        Assert.Contains("导出时间", caption);
        Assert.Contains(report.PeriodName, report.FileName);
        Assert.IsType<ForbiddenError>((await compliance.ReportAsync(await portal.CallerAsync(DemoAccounts.Teacher), null)).Error);
    }

    [Fact]
    public async Task The_compliance_rate_is_a_metric_source_for_the_plans_dashboard()
    {
        var source = Assert.Single(portal.Service<IEnumerable<IMetricSource>>(), s => s.Definition.Key == "cloudspaces.compliance-rate");
        Assert.Equal("云空间合格率", source.Definition.Name);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        await using var db = await portal.DbAsync();
        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == county.OrgUnitId);
        var report = (await portal.Service<CloudSpaceComplianceService>().ReportAsync(county, null)).Value!;

        var reading = await source.ReadAsync(unit, portal.Today, CancellationToken.None);

        Assert.Equal(report.Qualified, reading.Scope.Numerator);
        Assert.Equal(report.Teachers, reading.Scope.Denominator);
    }

    [Fact]
    public async Task Demo_data_last_term_has_qualified_teachers_and_others_missing_one_or_two_targets_with_rates_spread_over_schools()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var last = UseTerm.Of(UseTerm.Of(portal.Today).Start.AddDays(-1));
        var report = (await portal.Service<CloudSpaceComplianceService>().ReportAsync(county, last.Start)).Value!;
        var opened = report.Schools.Where(s => s.Opened && s.Teachers > 0).ToList();

        // Some teachers meet all seven targets (合格), not all; schools differ.
        Assert.InRange(report.Qualified, 1, report.Teachers - 1);
        Assert.True(opened.Select(s => s.Rate).Distinct().Count() >= 3, "rates spread over the schools");

        // In a school, unqualified teachers mostly miss one or two targets, each with its reason.
        await using var db = await portal.DbAsync();
        var school = opened.OrderByDescending(s => s.Teachers).First();
        var term = await db.CloudSpaceTerms.AsNoTracking().SingleAsync(t => t.SchoolId == school.SchoolId && t.Start == last.Start);
        var rows = await CloudSpaceChecklists.BuildAsync(db, [term], portal.Today, null, CancellationToken.None);
        Assert.Contains(rows, r => r.Checklist.Qualified);
        var unqualified = rows.Where(r => !r.Checklist.Qualified).ToList();
        Assert.Contains(unqualified, r => r.Checklist.Unmet.Count() is 1 or 2);
        Assert.All(unqualified.SelectMany(r => r.Checklist.Unmet), u => Assert.False(string.IsNullOrWhiteSpace(u.Reason)));
        // The demo accounts carry avatars (② reads the account): most teachers' profiles are complete.
        Assert.True(rows.Count(r => r.Checklist.Results.Single(x => x.Target == CloudSpaceTarget.Profile).Met) > rows.Count / 2);
    }

    [Fact]
    public async Task A_finished_terms_compliance_counts_the_teachers_as_the_award_assessed_them()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var own = await portal.DemoSchoolAsync();
        var last = UseTerm.Of(UseTerm.Of(portal.Today).Start.AddDays(-1));
        var compliance = portal.Service<CloudSpaceComplianceService>();
        var before = (await compliance.ReportAsync(county, last.Start)).Value!;
        // Another school of the county than the demo school (other tests assess the demo school's award again).
        var school = before.Schools.First(s => s.SchoolId != own.Id && s.Opened && s.Qualified > 0);
        await using var db = await portal.DbAsync();
        var term = await db.CloudSpaceTerms.AsNoTracking().SingleAsync(t => t.Id == school.TermId);
        Assert.NotNull(term.AwardedAt);
        Assert.Equal(await db.CloudSpaceAwards.CountAsync(a => a.TermId == term.Id), school.Teachers);
        Assert.Equal(await db.CloudSpaceAwards.CountAsync(a => a.TermId == term.Id && a.Qualified), school.Qualified);

        // The award's flags are the term's record: were the assessment to have found nobody 合格, the county reads that.
        await db.CloudSpaceAwards.Where(a => a.TermId == term.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Qualified, false));
        var after = (await compliance.ReportAsync(county, last.Start)).Value!.Schools.Single(s => s.SchoolId == school.SchoolId);
        Assert.Equal(0, after.Qualified);
        Assert.Equal(school.Teachers, after.Teachers);
    }
}
