using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.Accounts;

[Collection(PortalCollection.Name)]
public sealed class RoleManagementTests(PortalFactory portal)
{
    /// <summary>Teachers handed out so far: the collection shares one database, so no two tests get the same person.</summary>
    private static readonly HashSet<string> Taken = [];

    private async Task<string> TeacherOfAsync(int schoolId, int skip = 5)
    {
        await using var db = await portal.DbAsync();
        // Seeded, active, serving teachers only, so accounts other tests import or register never shift who is picked.
        var candidates = await db.Users.Where(u => u.OrgUnitId == schoolId && u.Level == AdminLevel.Teacher && u.Status == AccountStatus.Active
                && u.Employment == EmploymentStatus.Serving && u.Id.StartsWith("demo-"))
            .OrderBy(u => u.Id).Skip(skip).Select(u => u.Id).ToListAsync();
        var id = candidates.First(c => !Taken.Contains(c));
        Taken.Add(id);
        return id;
    }

    [Fact]
    public async Task A_county_admin_promotes_a_teacher_to_school_admin_and_the_change_is_audited_with_before_and_after()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var school = await portal.NeighbourSchoolAsync();
        var teacherId = await TeacherOfAsync(school.Id);
        await using var before = await portal.DbAsync();
        var stampBefore = (await before.Users.SingleAsync(u => u.Id == teacherId)).SecurityStamp;

        var result = await portal.Service<AccountAdminService>().ChangeLevelAsync(county, teacherId, AdminLevel.School, null);

        Assert.True(result.Succeeded, result.Error?.Message);
        await using var db = await portal.DbAsync();
        var user = await db.Users.SingleAsync(u => u.Id == teacherId);
        Assert.Equal(AdminLevel.School, user.Level);
        Assert.Equal(school.Id, user.OrgUnitId);
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Action == AuditActions.AccountLevelChanged && a.EntityId == teacherId);
        Assert.Contains("教师", entry.Before);
        Assert.Contains("校级管理员", entry.After);
        Assert.Equal(county.UserId, entry.ActorId);
    }

    [Fact]
    public async Task A_county_admin_cannot_make_a_county_admin_and_nothing_changes()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var teacherId = await TeacherOfAsync((await portal.NeighbourSchoolAsync()).Id, skip: 6);
        var result = await portal.Service<AccountAdminService>().ChangeLevelAsync(county, teacherId, AdminLevel.County, county.OrgUnitId);
        Assert.IsType<ForbiddenError>(result.Error);
        await using var db = await portal.DbAsync();
        Assert.Equal(AdminLevel.Teacher, (await db.Users.SingleAsync(u => u.Id == teacherId)).Level);
    }

    [Fact]
    public async Task A_school_admin_cannot_act_on_a_school_level_account_not_even_its_own()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var result = await portal.Service<AccountAdminService>().SetStatusAsync(admin, admin.UserId, AccountStatus.Disabled, EmploymentStatus.Serving);
        Assert.IsType<ForbiddenError>(result.Error);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        // A superior outside the school's subtree is simply not there for it.
        Assert.IsType<NotFoundError>((await portal.Service<AccountAdminService>().ChangeLevelAsync(admin, county.UserId, AdminLevel.Teacher, admin.OrgUnitId)).Error);
    }

    [Fact]
    public async Task Promotion_to_county_admin_by_the_city_moves_the_account_to_its_county_bureau()
    {
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var school = await portal.OtherCountySchoolAsync();
        var teacherId = await TeacherOfAsync(school.Id, skip: 7);
        var accounts = portal.Service<AccountAdminService>();
        var options = (await accounts.GetPlacementOptionsAsync(city, teacherId, AdminLevel.County)).Value!;
        var countyOption = Assert.Single(options);
        Assert.Equal(OrgUnitKind.County, countyOption.Kind);

        Assert.True((await accounts.ChangeLevelAsync(city, teacherId, AdminLevel.County, null)).Succeeded);
        await using var db = await portal.DbAsync();
        var user = await db.Users.Include(u => u.OrgUnit).SingleAsync(u => u.Id == teacherId);
        Assert.Equal(countyOption.Id, user.OrgUnitId);
        Assert.True(OrgUnit.PathContains(user.OrgUnit!.Path, school.Path));

        // Demoting back to teacher needs a school: the default placement on a county is refused.
        Assert.IsType<ValidationError>((await accounts.ChangeLevelAsync(city, teacherId, AdminLevel.Teacher, null)).Error);
        Assert.True((await accounts.ChangeLevelAsync(city, teacherId, AdminLevel.Teacher, school.Id)).Succeeded);
    }

    [Fact]
    public async Task A_pending_applicant_can_be_neither_promoted_nor_given_capabilities()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        await using var db = await portal.DbAsync();
        var pending = await db.Users.Where(u => u.Status == AccountStatus.Pending && u.OrgUnit!.Path.StartsWith(county.OrgPath)).OrderBy(u => u.Id).FirstAsync();
        var accounts = portal.Service<AccountAdminService>();
        Assert.IsType<ConflictError>((await accounts.ChangeLevelAsync(county, pending.Id, AdminLevel.School, null)).Error);
        Assert.IsType<ConflictError>((await accounts.SetCapabilitiesAsync(county, pending.Id, Capability.Technician)).Error);
        await using var check = await portal.DbAsync();
        Assert.Equal((AdminLevel.Teacher, Capability.None), await check.Users.Where(u => u.Id == pending.Id).Select(u => ValueTuple.Create(u.Level, u.Capabilities)).SingleAsync());
    }

    [Fact]
    public async Task A_promotion_cannot_place_the_account_on_another_branch_of_the_county()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var own = await portal.DemoSchoolAsync();
        var neighbour = await portal.NeighbourSchoolAsync();
        var teacherId = await TeacherOfAsync(own.Id, skip: 8);
        var result = await portal.Service<AccountAdminService>().ChangeLevelAsync(county, teacherId, AdminLevel.School, neighbour.Id);
        Assert.IsType<ValidationError>(result.Error);
    }

    [Fact]
    public async Task Every_account_change_rotates_the_concurrency_stamp_so_a_stale_second_write_fails()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var pendingId = (await portal.Service<AccountAdminService>().PendingAsync(admin)).First().Id;
        await using var stale = await portal.DbAsync();
        var staleUser = await stale.Users.SingleAsync(u => u.Id == pendingId);

        Assert.True((await portal.Service<AccountAdminService>().ApproveAsync(admin, pendingId)).Succeeded);

        // A second admin's write based on what it read before the approval is refused by the database.
        staleUser.Status = AccountStatus.Rejected;
        staleUser.ConcurrencyStamp = Guid.NewGuid().ToString();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        Assert.IsType<ConflictError>((await portal.Service<AccountAdminService>().RejectAsync(admin, pendingId, "迟到的驳回")).Error);
    }

    [Fact]
    public async Task A_school_admin_resets_a_forgotten_password_which_also_lifts_a_lockout()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var teacherId = await TeacherOfAsync(admin.OrgUnitId, skip: 9);
        await using (var db = await portal.DbAsync())
        {
            var teacher = await db.Users.SingleAsync(u => u.Id == teacherId);
            teacher.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(10);
            teacher.AccessFailedCount = 5;
            await db.SaveChangesAsync();
        }
        var result = await portal.Service<AccountAdminService>().ResetPasswordAsync(admin, teacherId);
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(10, result.Value!.Length);

        await using var check = await portal.DbAsync();
        var userName = await check.Users.Where(u => u.Id == teacherId).Select(u => u.UserName!).SingleAsync();
        Assert.False(PortalFactory.IsSignedIn((await portal.SignInAsync(userName)).Response));
        Assert.True(PortalFactory.IsSignedIn((await portal.SignInAsync(userName, result.Value)).Response));
        var entry = await check.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Action == AuditActions.AccountPasswordReset && a.EntityId == teacherId);
        Assert.DoesNotContain(result.Value, entry.Summary + entry.Before + entry.After);

        // Not for accounts outside the school, nor for the admin's peers.
        var other = await portal.OtherCountySchoolAsync();
        var outsider = await TeacherOfAsync(other.Id, skip: 1);
        Assert.IsType<NotFoundError>((await portal.Service<AccountAdminService>().ResetPasswordAsync(admin, outsider)).Error);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        Assert.IsType<ForbiddenError>((await portal.Service<AccountAdminService>().ResetPasswordAsync(county, county.UserId)).Error);
    }

    [Fact]
    public async Task Capabilities_are_granted_by_county_admins_and_not_by_school_admins()
    {
        var school = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var teacherId = await TeacherOfAsync(school.OrgUnitId, skip: 2);
        var accounts = portal.Service<AccountAdminService>();
        Assert.IsType<ForbiddenError>((await accounts.SetCapabilitiesAsync(school, teacherId, Capability.ExpertReviewer)).Error);
        Assert.True((await accounts.SetCapabilitiesAsync(county, teacherId, Capability.ExpertReviewer | Capability.Technician)).Succeeded);
        await using var db = await portal.DbAsync();
        Assert.Equal(Capability.ExpertReviewer | Capability.Technician, (await db.Users.SingleAsync(u => u.Id == teacherId)).Capabilities);
    }

    [Fact]
    public async Task A_disabled_account_loses_access_at_its_next_operation_and_its_circuit_is_invalidated()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var teacherId = await TeacherOfAsync(admin.OrgUnitId, skip: 4);
        await using var db0 = await portal.DbAsync();
        var userName = (await db0.Users.SingleAsync(u => u.Id == teacherId)).UserName!;
        var teacher = await portal.CallerAsync(userName);

        // The principal the teacher's open circuit holds, issued before the change.
        using var scope = portal.Services.CreateScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<EduPortal.Data.Accounts.ApplicationUser>>();
        var claimsFactory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<EduPortal.Data.Accounts.ApplicationUser>>();
        var principal = await claimsFactory.CreateAsync((await userManager.FindByIdAsync(teacherId))!);
        var identityOptions = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value;
        Assert.True(await RevalidatingAuthenticationStateProvider.IsStillValidAsync(scope.ServiceProvider, principal, identityOptions));

        Assert.True((await portal.Service<AccountAdminService>().SetStatusAsync(admin, teacherId, AccountStatus.Disabled, EmploymentStatus.Serving)).Succeeded);

        await using var db = await portal.DbAsync();
        Assert.Null(await CallerAccessor.LoadAsync(db, teacher.UserId));
        using var fresh = portal.Services.CreateScope();
        Assert.False(await RevalidatingAuthenticationStateProvider.IsStillValidAsync(fresh.ServiceProvider, principal, identityOptions));
        var (_, response) = await portal.SignInAsync(userName);
        Assert.False(PortalFactory.IsSignedIn(response));
        Assert.Contains("该账号已停用", await PortalFactory.HtmlAsync(response));
    }

    [Fact]
    public async Task Retired_teachers_leave_the_active_count_on_the_home_page()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var home = portal.Service<EduPortal.Web.Features.Home.HomeService>();
        var before = await home.GetAsync(admin);
        var teacherId = await TeacherOfAsync(admin.OrgUnitId, skip: 3);
        Assert.True((await portal.Service<AccountAdminService>().SetStatusAsync(admin, teacherId, AccountStatus.Active, EmploymentStatus.Retired)).Succeeded);
        var after = await home.GetAsync(admin);
        Assert.Equal(before.Teachers - 1, after.Teachers);
    }
}
