using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Web.Features.CloudSpaces.Awards;
using EduPortal.Web.Tests.Infrastructure;
using EduPortal.Web.Tests.Surveys;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.CloudSpaces;

/// <summary>The district award round end to end through the service: nominations, assignment, scoring, publication.</summary>
[Collection(PortalCollection.Name)]
public sealed class AwardRoundServiceTests(PortalFactory portal)
{
    private AwardRoundService Awards => portal.Service<AwardRoundService>();

    private async Task<(string Id, string Name)> DemoTeacherAsync()
    {
        await using var db = await portal.DbAsync();
        var teacher = await db.Users.SingleAsync(u => u.UserName == DemoAccounts.Teacher);
        return (teacher.Id, teacher.RealName);
    }

    private async Task<int> NominateDemoTeacherAsync(int roundId)
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var teacher = await DemoTeacherAsync();
        var nominated = await Awards.NominateAsync(admin, roundId, new AwardNomination(AwardKind.TeacherSpace, teacher.Id, "https://yun.example.cn/space/demo", "测试推荐"));
        Assert.True(nominated.Succeeded, nominated.Error?.Message);
        return nominated.Value;
    }

    /// <summary>Another expert, at a school of the county other than the demo school.</summary>
    private async Task<Caller> SecondExpertAsync()
    {
        await using var db = await portal.DbAsync();
        var demoSchool = await portal.DemoSchoolAsync();
        var id = await db.Users.Where(u => (u.Capabilities & Capability.ExpertReviewer) != 0 && u.UserName != AwardDemoAccounts.Expert && u.OrgUnitId != demoSchool.Id)
            .OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        return (await EduPortal.Web.Infrastructure.Auth.CallerAccessor.LoadAsync(db, id))!;
    }

    [Fact]
    public async Task A_school_nominates_its_teacher_the_county_assigns_experts_they_score_and_the_county_publishes()
    {
        var roundId = await portal.NewRoundAsync(AwardTestPhase.Nomination);
        var entryId = await NominateDemoTeacherAsync(roundId);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var expert = await portal.ExpertAsync();
        var second = await SecondExpertAsync();
        Assert.True((await Awards.AssignAsync(county, entryId, expert.UserId)).Succeeded);
        Assert.True((await Awards.AssignAsync(county, entryId, second.UserId)).Succeeded);
        Assert.Equal("严专家已分配给该参评作品", Assert.IsType<ValidationError>((await Awards.AssignAsync(county, entryId, expert.UserId)).Error).Fields["ExpertId"]);

        // 报名 closed: no more nominations, with the dates in the message.
        await portal.MoveToAsync(roundId, AwardTestPhase.Review);
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var late = await Awards.NominateAsync(admin, roundId, new AwardNomination(AwardKind.SchoolSpace, null, "https://yun.example.cn/school", null));
        Assert.StartsWith("报名已截止：报名时间为", Assert.IsType<ConflictError>(late.Error).Message);

        Assert.True((await Awards.ScoreAsync(expert, entryId, new AwardScoreInput(9, 45, 18, 16, null))).Succeeded);
        Assert.Equal("总分低于 60 分，请填写评语说明理由",
            Assert.IsType<ValidationError>((await Awards.ScoreAsync(second, entryId, new AwardScoreInput(5, 30, 10, 10, null))).Error).Fields["Comment"]);
        Assert.True((await Awards.ScoreAsync(second, entryId, new AwardScoreInput(5, 30, 10, 10, "原创资源偏少"))).Succeeded);

        // Before publication only the county admin previews the results.
        Assert.IsType<ForbiddenError>((await Awards.ResultsAsync(expert, roundId)).Error);
        Assert.IsType<ForbiddenError>((await Awards.ResultsAsync(admin, roundId)).Error);
        var preview = (await Awards.ResultsAsync(county, roundId)).Value!;
        Assert.True(preview.IsPreview);
        Assert.Equal(71.5m, preview.Rows.Single(r => r.EntryId == entryId).Score); // (88 + 55) / 2: two experts, nothing dropped

        // No expert sees another's marks: each scoring page carries the expert's own sheet only.
        var mine = (await Awards.ScoringAsync(expert, roundId)).Value!;
        var theirs = (await Awards.ScoringAsync(second, roundId)).Value!;
        Assert.Equal(88, mine.Assignments.Single(a => a.EntryId == entryId).Mine!.Total);
        Assert.Equal(55, theirs.Assignments.Single(a => a.EntryId == entryId).Mine!.Total);
        Assert.Empty((await Awards.RoundAsync(expert, roundId)).Value!.Entries);

        Assert.StartsWith("专家评选至", Assert.IsType<ConflictError>((await Awards.PublishAsync(county, roundId)).Error).Message);
        await portal.MoveToAsync(roundId, AwardTestPhase.AfterReview);
        Assert.StartsWith("不在专家评选时间内", Assert.IsType<ConflictError>((await Awards.ScoreAsync(expert, entryId, new AwardScoreInput(10, 50, 20, 20, null))).Error).Message);
        Assert.True((await Awards.PublishAsync(county, roundId)).Succeeded);

        // Published: every signed-in user of the county sees the winners; another county does not find the round.
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var published = (await Awards.ResultsAsync(teacher, roundId)).Value!;
        Assert.False(published.IsPreview);
        var row = published.Rows.Single(r => r.EntryId == entryId);
        Assert.Equal(AwardTier.First, row.FinalTier);
        Assert.Equal(2, row.Experts);
        Assert.IsType<NotFoundError>((await Awards.ResultsAsync(await portal.OtherCountyAdminAsync(), roundId)).Error);

        await using var db = await portal.DbAsync();
        var audited = await db.AuditEntries.Where(a => a.EntityId == entryId.ToString(System.Globalization.CultureInfo.InvariantCulture) || a.EntityId == roundId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.AwardNominated, audited);
        Assert.Contains(AuditActions.AwardExpertAssigned, audited);
        Assert.Equal(2, audited.Count(a => a == AuditActions.AwardScored));
        Assert.Contains(AuditActions.AwardPublished, audited);
    }

    [Fact]
    public async Task An_expert_of_the_entrys_own_school_cannot_be_assigned()
    {
        var roundId = await portal.NewRoundAsync(AwardTestPhase.Nomination);
        var entryId = await NominateDemoTeacherAsync(roundId);
        var demoSchool = await portal.DemoSchoolAsync();
        await using (var db = await portal.DbAsync())
        {
            // A serving colleague: other tests of the shared portal may have a colleague leave or disabled.
            var colleague = await PortalFactory.ServingTeachers(db, demoSchool.Id).OrderBy(u => u.Id).FirstAsync();
            colleague.Capabilities |= Capability.ExpertReviewer;
            await db.SaveChangesAsync();
            var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
            var error = Assert.IsType<ValidationError>((await Awards.AssignAsync(county, entryId, colleague.Id)).Error);
            Assert.Contains("需回避", error.Fields["ExpertId"]);
            Assert.DoesNotContain((await Awards.RoundAsync(county, roundId)).Value!.Entries.Single(e => e.Id == entryId).Experts, n => n == colleague.RealName);
            colleague.Capabilities &= ~Capability.ExpertReviewer;
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Another_countys_admin_and_another_schools_admin_reach_neither_the_round_nor_the_entry()
    {
        var roundId = await portal.NewRoundAsync(AwardTestPhase.Nomination);
        var entryId = await NominateDemoTeacherAsync(roundId);
        var other = await portal.OtherCountyAdminAsync();
        var expert = await portal.ExpertAsync();
        Assert.DoesNotContain(await Awards.RoundsAsync(other), r => r.Id == roundId);
        Assert.IsType<NotFoundError>((await Awards.RoundAsync(other, roundId)).Error);
        Assert.IsType<NotFoundError>((await Awards.UpdateAsync(other, roundId, new AwardRoundInput())).Error);
        Assert.IsType<NotFoundError>((await Awards.AssignAsync(other, entryId, expert.UserId)).Error);
        Assert.IsType<NotFoundError>((await Awards.ComputeDeepAsync(other, roundId)).Error);
        Assert.IsType<NotFoundError>((await Awards.PublishAsync(other, roundId)).Error);
        Assert.IsType<NotFoundError>((await Awards.OverrideAsync(other, entryId, AwardTier.First, "越权")).Error);
        Assert.IsType<NotFoundError>((await Awards.ResultsAsync(other, roundId)).Error);

        // The neighbour school's admin can neither withdraw the entry nor nominate the demo school's teacher.
        var admin2 = await portal.CallerAsync(DemoAccounts.OtherSchoolAdmin);
        Assert.IsType<NotFoundError>((await Awards.WithdrawAsync(admin2, entryId)).Error);
        var teacher = await DemoTeacherAsync();
        Assert.Equal("该教师不在本校，不能推荐", Assert.IsType<ValidationError>((await Awards.NominateAsync(admin2, roundId,
            new AwardNomination(AwardKind.TeacherSpace, teacher.Id, "https://yun.example.cn/x", null))).Error).Fields["TeacherId"]);
        Assert.Empty((await Awards.RoundAsync(admin2, roundId)).Value!.Entries);
        // An expert scores only what they were assigned.
        await portal.MoveToAsync(roundId, AwardTestPhase.Review);
        Assert.IsType<NotFoundError>((await Awards.ScoreAsync(expert, entryId, new AwardScoreInput(9, 45, 18, 16, null))).Error);

        // Over HTTP: the results workbook and certificates answer 404 outside the county.
        var (browser, _) = await portal.SignInAsync(DemoAccounts.OtherSchoolAdmin);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await browser.GetAsync($"/cloudspaces/awards/{roundId}/results.xlsx")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await browser.GetAsync($"/cloudspaces/awards/{roundId}/certificates.pdf")).StatusCode);
        await using var db = await portal.DbAsync();
        Assert.Equal(1, await db.AwardEntries.CountAsync(e => e.RoundId == roundId));
    }

    [Fact]
    public async Task The_published_demo_round_serves_certificates_to_the_county_and_not_to_another_county()
    {
        await using var db = await portal.DbAsync();
        var round = await db.AwardRounds.Where(r => r.PublishedAt != null).OrderBy(r => r.Id).FirstAsync();
        var winner = await db.AwardEntries.Where(e => e.RoundId == round.Id && (e.OverrideTier ?? e.Tier) != AwardTier.None).OrderBy(e => e.Id).FirstAsync();
        var (teacher, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        var one = await teacher.GetAsync($"/cloudspaces/awards/{round.Id}/certificates/{winner.Id}.pdf");
        Assert.Equal("application/pdf", one.Content.Headers.ContentType?.MediaType);
        var bytes = await one.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        // The embedded CJK font: the text reads back as typed (artifacts/pdf/award-certificate-page1.png to look at).
        var text = await PdfText.ExtractAsync(bytes, "award-certificate");
        Assert.Contains("特发此证，以资鼓励。", text);
        Assert.Contains(winner.TeacherName ?? winner.SchoolName, text);
        Assert.Contains(round.CountyName, text);
        var all = await teacher.GetAsync($"/cloudspaces/awards/{round.Id}/certificates.pdf");
        Assert.Equal(System.Net.HttpStatusCode.OK, all.StatusCode);
        var excel = await teacher.GetAsync($"/cloudspaces/awards/{round.Id}/results.xlsx");
        Assert.Equal(System.Net.HttpStatusCode.OK, excel.StatusCode);

        var otherCountySchool = await portal.OtherCountySchoolAsync();
        var outsider = await db.Users.Where(u => u.OrgUnitId == otherCountySchool.Id && u.Status == AccountStatus.Active && u.Employment == EmploymentStatus.Serving)
            .OrderBy(u => u.Id).Select(u => u.UserName!).FirstAsync();
        var (stranger, _) = await portal.SignInAsync(outsider);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await stranger.GetAsync($"/cloudspaces/awards/{round.Id}/certificates/{winner.Id}.pdf")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await stranger.GetAsync($"/cloudspaces/awards/{round.Id}/results.xlsx")).StatusCode);
        var page = await PortalFactory.HtmlAsync(await stranger.GetAsync($"/cloudspaces/awards/{round.Id}"));
        Assert.Contains("未找到该记录，或不在您的管辖范围内", page);
        Assert.DoesNotContain(winner.SchoolName, page);
        var own = await PortalFactory.HtmlAsync(await teacher.GetAsync($"/cloudspaces/awards/{round.Id}"));
        Assert.Contains(winner.TeacherName ?? winner.SchoolName, own);
    }
}
