using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Web.Features.Accounts;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Accounts;

[Collection(PortalCollection.Name)]
public sealed class RegistrationTests(PortalFactory portal)
{
    private async Task<RegistrationInput> ValidInputAsync(string phone) => new()
    {
        RealName = "孙小梅",
        Phone = phone,
        SchoolId = (await portal.DemoSchoolAsync()).Id,
        Subjects = ["物理"],
        Password = "my school is by the river",
        ConfirmPassword = "my school is by the river",
    };

    [Fact]
    public async Task A_registration_waits_for_the_school_admin_then_signs_in_once_approved()
    {
        var registration = portal.Service<RegistrationService>();
        var input = await ValidInputAsync("13512340001");
        var registered = await registration.RegisterAsync(input);
        Assert.True(registered.Succeeded, registered.Error?.Message);

        var (_, before) = await portal.SignInAsync("13512340001", input.Password);
        Assert.False(PortalFactory.IsSignedIn(before));

        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var accounts = portal.Service<AccountAdminService>();
        Assert.Contains(await accounts.PendingAsync(admin), r => r.Id == registered.Value);
        Assert.True((await accounts.ApproveAsync(admin, registered.Value!)).Succeeded);
        Assert.IsType<ConflictError>((await accounts.ApproveAsync(admin, registered.Value!)).Error);

        var (_, after) = await portal.SignInAsync("13512340001", input.Password);
        Assert.True(PortalFactory.IsSignedIn(after));
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccountRegistered && a.EntityId == registered.Value));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccountApproved && a.EntityId == registered.Value && a.ActorId == admin.UserId));
    }

    [Fact]
    public async Task A_rejected_applicant_is_told_the_reason_and_may_register_again()
    {
        var registration = portal.Service<RegistrationService>();
        var input = await ValidInputAsync("13512340002");
        var id = (await registration.RegisterAsync(input)).Value!;
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var accounts = portal.Service<AccountAdminService>();
        Assert.IsType<ValidationError>((await accounts.RejectAsync(admin, id, "  ")).Error);
        Assert.True((await accounts.RejectAsync(admin, id, "非本校教师")).Succeeded);

        var (_, response) = await portal.SignInAsync("13512340002", input.Password);
        Assert.Contains("非本校教师", await PortalFactory.HtmlAsync(response));

        input.RealName = "孙晓梅";
        var again = await registration.RegisterAsync(input);
        Assert.True(again.Succeeded);
        Assert.Equal(id, again.Value);
        await using var db = await portal.DbAsync();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        Assert.Equal(AccountStatus.Pending, user.Status);
        Assert.Equal("孙晓梅", user.RealName);
    }

    [Fact]
    public async Task Bad_input_gets_a_message_per_field_and_nothing_is_saved()
    {
        var registration = portal.Service<RegistrationService>();
        var input = new RegistrationInput
        {
            RealName = "王",
            Phone = "1234",
            SchoolId = null,
            Subjects = [],
            Password = "short",
            ConfirmPassword = "different",
        };
        var error = Assert.IsType<ValidationError>((await registration.RegisterAsync(input)).Error);
        Assert.Equal("请填写真实姓名（至少 2 个字）", error.Fields["RealName"]);
        Assert.Equal(PhoneNumbers.MobileMessage, error.Fields["Phone"]);
        Assert.Equal("请选择所在学校", error.Fields["SchoolId"]);
        Assert.Equal("请至少选择一门任教学科", error.Fields["Subjects"]);
        Assert.Equal("两次输入的密码不一致", error.Fields["ConfirmPassword"]);
        Assert.Contains("至少 10 个字符", error.Fields["Password"]);
        await using var db = await portal.DbAsync();
        Assert.False(await db.Users.AnyAsync(u => u.PhoneNumber == "1234"));
    }

    [Fact]
    public async Task A_phone_already_registered_is_refused()
    {
        var input = await ValidInputAsync("13800000004"); // the demo teacher
        var error = Assert.IsType<ValidationError>((await portal.Service<RegistrationService>().RegisterAsync(input)).Error);
        Assert.Equal("该手机号已注册，请直接登录", error.Fields["Phone"]);
    }

    [Fact]
    public async Task A_password_containing_the_phone_number_is_refused()
    {
        var input = await ValidInputAsync("13512340003");
        input.Password = input.ConfirmPassword = "pw13512340003";
        var error = Assert.IsType<ValidationError>((await portal.Service<RegistrationService>().RegisterAsync(input)).Error);
        Assert.Equal("密码不能与用户名或手机号相同", error.Fields["Password"]);
    }

    [Fact]
    public async Task A_school_buried_in_applications_takes_no_more_until_its_admin_catches_up()
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var orgs = portal.Service<EduPortal.Web.Features.Organization.OrgService>();
        var schoolId = (await orgs.CreateChildAsync(county, county.OrgUnitId, new EduPortal.Web.Features.Organization.OrgUnitInput
        {
            Kind = EduPortal.Domain.Organization.OrgUnitKind.School,
            Name = "申请压力测试小学",
            Stage = EduPortal.Domain.Organization.SchoolStage.Primary,
        })).Value;
        await using (var db = await portal.DbAsync())
        {
            for (var i = 0; i < RegistrationService.MaxPendingPerSchool; i++)
            {
                db.Users.Add(new EduPortal.Data.Accounts.ApplicationUser
                {
                    UserName = $"1357000{i:D4}",
                    PhoneNumber = $"1357000{i:D4}",
                    RealName = "排队者",
                    OrgUnitId = schoolId,
                    Status = AccountStatus.Pending,
                    SubjectsText = "语文",
                    SecurityStamp = Guid.NewGuid().ToString(),
                });
            }
            await db.SaveChangesAsync();
        }
        var input = new RegistrationInput
        {
            RealName = "迟到者",
            Phone = "13512340099",
            SchoolId = schoolId,
            Subjects = ["语文"],
            Password = "patience is a virtue",
            ConfirmPassword = "patience is a virtue",
        };
        var error = Assert.IsType<ValidationError>((await portal.Service<RegistrationService>().RegisterAsync(input)).Error);
        Assert.Contains("待审核的注册申请过多", error.Fields["SchoolId"]);
    }

    [Fact]
    public async Task Registration_offers_only_schools()
    {
        var schools = await portal.Service<RegistrationService>().ListSchoolsAsync();
        await using var db = await portal.DbAsync();
        Assert.Equal(await db.OrgUnits.CountAsync(o => o.Kind == EduPortal.Domain.Organization.OrgUnitKind.School), schools.Count);
        Assert.All(schools, s => Assert.False(string.IsNullOrEmpty(s.CountyName)));
    }
}
