using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards.Safety;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace EduPortal.Web.Tests.Smartboards;

/// <summary>Safety inspections, sign-off with a photo, reminders and the four policies (circular 003 §一.4, §二.3).</summary>
[Collection(PortalCollection.Name)]
public sealed class SafetyServiceTests(PortalFactory portal)
{
    private SafetyService Safety => portal.Service<SafetyService>();

    private async Task<Caller> VillageTechAsync() => await portal.CallerAsync(SmartboardDemoAccounts.SchoolTechnician);

    private async Task<int> RecordAsync(Caller caller, DateOnly rectifyBy)
    {
        var result = await Safety.RecordAsync(caller, caller.OrgUnitId, portal.Today, null,
            [new SafetyFindingInput(SafetyCheckItem.Overload, "一体机与空调共用插座", rectifyBy, "冯技术员")]);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value;
    }

    [Fact]
    public async Task A_round_is_recorded_audited_and_its_overdue_finding_flagged()
    {
        var tech = await VillageTechAsync();
        var id = await RecordAsync(tech, portal.Today);
        var findings = await Safety.FindingsAsync(tech, openOnly: true);
        var finding = findings.Single(f => f.InspectionId == id);
        Assert.False(finding.Overdue);
        Assert.Contains(await Safety.InspectionsAsync(tech), i => i.Id == id && i.OpenFindings == 1);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SmartboardSafetyInspection && a.OrgPath == tech.OrgPath));
        // The seeded round of the demo county has findings whose deadline passed or not; the flag follows the date.
        Assert.All(await Safety.FindingsAsync(await portal.CallerAsync(DemoAccounts.CountyAdmin), openOnly: true),
            f => Assert.Equal(f.RectifyBy < portal.Today, f.Overdue));
    }

    [Fact]
    public async Task Sign_off_needs_a_photo_and_another_school_cannot_sign_off_or_see_the_finding()
    {
        var tech = await VillageTechAsync();
        var id = await RecordAsync(tech, portal.Today.AddDays(10));
        var finding = (await Safety.FindingsAsync(tech, openOnly: true)).Single(f => f.InspectionId == id);
        var other = await portal.OtherCountySchoolAsync();
        var outsider = new Caller("x-admin", "外校校管", AdminLevel.School, other.Id, other.Name, other.Path, OrgUnitKind.School, Capability.None);
        Assert.IsType<NotFoundError>((await Safety.SignOffAsync(outsider, finding.Id, finding.Version, "已整改", null, 0)).Error);
        Assert.DoesNotContain(await Safety.FindingsAsync(outsider, openOnly: true), f => f.Id == finding.Id);
        Assert.Null(await Safety.OpenPhotoAsync(outsider, finding.Id));
        var noPhoto = await Safety.SignOffAsync(tech, finding.Id, finding.Version, "已更换插座", null, 0);
        Assert.Equal("请上传整改后的照片", ((ValidationError)noPhoto.Error!).Fields["Photo"]);
        var png = TestImages.Encode(32, 32, SKEncodedImageFormat.Png, SKColors.Green);
        var signed = await Safety.SignOffAsync(tech, finding.Id, finding.Version, "已更换插座", new MemoryStream(png), png.Length);
        Assert.True(signed.Succeeded, signed.Error?.Message);
        var photo = await Safety.OpenPhotoAsync(tech, finding.Id);
        Assert.Equal("image/png", photo!.Value.ContentType);
        await photo.Value.Stream.DisposeAsync();
        Assert.DoesNotContain(await Safety.FindingsAsync(tech, openOnly: true), f => f.Id == finding.Id);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SmartboardSafetySignOff && a.EntityId == finding.Id.ToString()));
    }

    [Fact]
    public async Task The_reminder_job_reminds_due_findings_once_a_day()
    {
        var tech = await VillageTechAsync();
        var id = await RecordAsync(tech, portal.Today.AddDays(1));
        await Safety.RemindAsync();
        await using var db = await portal.DbAsync();
        var finding = await db.SafetyFindings.SingleAsync(f => f.InspectionId == id);
        Assert.Equal(portal.Today, finding.RemindedOn);
        Assert.Equal(0, await Safety.RemindAsync());
    }

    [Fact]
    public async Task Policies_are_recorded_with_department_and_person_and_missing_ones_flagged_for_the_county()
    {
        var schoolAdmin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        // The demo school was seeded without its 绩效考评制度.
        Assert.Contains(await Safety.PolicyGapsAsync(county), g => g.SchoolId == schoolAdmin.OrgUnitId && g.Missing.Contains(SchoolPolicyKind.Performance));
        var bad = await Safety.SavePolicyAsync(schoolAdmin, schoolAdmin.OrgUnitId, SchoolPolicyKind.Performance, "", "", null, null);
        Assert.Equal(["AdoptedOn", "Department", "ResponsiblePerson"], ((ValidationError)bad.Error!).Fields.Keys.Order(StringComparer.Ordinal));
        var other = await portal.OtherCountySchoolAsync();
        Assert.IsType<NotFoundError>((await Safety.SavePolicyAsync(schoolAdmin, other.Id, SchoolPolicyKind.Performance, "教务处", "张三", portal.Today, null)).Error);
        Assert.IsType<NotFoundError>((await Safety.PoliciesAsync(schoolAdmin, other.Id)).Error);
        Assert.True((await Safety.SavePolicyAsync(schoolAdmin, schoolAdmin.OrgUnitId, SchoolPolicyKind.Performance, "教务处", "张三", portal.Today, null)).Succeeded);
        Assert.DoesNotContain(await Safety.PolicyGapsAsync(county), g => g.SchoolId == schoolAdmin.OrgUnitId);
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SmartboardPolicy && a.EntityId == $"school:{schoolAdmin.OrgUnitId}:Performance"));
    }
}
