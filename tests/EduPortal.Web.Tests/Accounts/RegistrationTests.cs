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
        var registered = await registration.RegisterAsync(input, ClientAddressStartupFilter.NewAddress());
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
        var id = (await registration.RegisterAsync(input, ClientAddressStartupFilter.NewAddress())).Value!;
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var accounts = portal.Service<AccountAdminService>();
        Assert.IsType<ValidationError>((await accounts.RejectAsync(admin, id, "  ")).Error);
        Assert.True((await accounts.RejectAsync(admin, id, "非本校教师")).Succeeded);

        var (_, response) = await portal.SignInAsync("13512340002", input.Password);
        Assert.Contains("非本校教师", await PortalFactory.HtmlAsync(response));

        input.RealName = "孙晓梅";
        var again = await registration.RegisterAsync(input, ClientAddressStartupFilter.NewAddress());
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
        var error = Assert.IsType<ValidationError>((await registration.RegisterAsync(input, ClientAddressStartupFilter.NewAddress())).Error);
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
        var error = Assert.IsType<ValidationError>((await portal.Service<RegistrationService>().RegisterAsync(input, ClientAddressStartupFilter.NewAddress())).Error);
        Assert.Equal(RegistrationService.PhoneTakenMessage, error.Fields["Phone"]);
    }

    [Fact]
    public async Task A_password_containing_the_phone_number_is_refused()
    {
        var input = await ValidInputAsync("13512340003");
        input.Password = input.ConfirmPassword = "pw13512340003";
        var error = Assert.IsType<ValidationError>((await portal.Service<RegistrationService>().RegisterAsync(input, ClientAddressStartupFilter.NewAddress())).Error);
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
        await AddPendingApplicationsAsync(schoolId, "1357000", "排队者", portal.Now.AddDays(-1));
        var input = new RegistrationInput
        {
            RealName = "迟到者",
            Phone = "13512340099",
            SchoolId = schoolId,
            Subjects = ["语文"],
            Password = "patience is a virtue",
            ConfirmPassword = "patience is a virtue",
        };
        var error = Assert.IsType<ValidationError>((await portal.Service<RegistrationService>().RegisterAsync(input, ClientAddressStartupFilter.NewAddress())).Error);
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

    private async Task<int> NewSchoolAsync(string name)
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var orgs = portal.Service<EduPortal.Web.Features.Organization.OrgService>();
        return (await orgs.CreateChildAsync(county, county.OrgUnitId, new EduPortal.Web.Features.Organization.OrgUnitInput
        {
            Kind = EduPortal.Domain.Organization.OrgUnitKind.School,
            Name = name,
            Stage = EduPortal.Domain.Organization.SchoolStage.Primary,
        })).Value;
    }

    private static RegistrationInput Applicant(string phone, int schoolId) => new()
    {
        RealName = "批量申请",
        Phone = phone,
        SchoolId = schoolId,
        Subjects = ["数学"],
        Password = "the river runs past our school",
        ConfirmPassword = "the river runs past our school",
    };

    [Fact]
    public async Task A_pending_application_and_an_account_get_the_same_answer()
    {
        var registration = portal.Service<RegistrationService>();
        var first = await registration.RegisterAsync(await ValidInputAsync("13512340021"), ClientAddressStartupFilter.NewAddress());
        Assert.True(first.Succeeded, first.Error?.Message);
        var pending = Assert.IsType<ValidationError>((await registration.RegisterAsync(await ValidInputAsync("13512340021"), ClientAddressStartupFilter.NewAddress())).Error);
        var active = Assert.IsType<ValidationError>((await registration.RegisterAsync(await ValidInputAsync("13800000004"), ClientAddressStartupFilter.NewAddress())).Error);
        Assert.Equal(pending.Fields["Phone"], active.Fields["Phone"]);
        Assert.Equal(RegistrationService.PhoneTakenMessage, active.Fields["Phone"]);
    }

    [Fact]
    public async Task One_address_may_submit_ten_registrations_an_hour_and_another_address_is_unaffected()
    {
        var schoolId = await NewSchoolAsync("注册限流测试小学");
        var registration = portal.Service<RegistrationService>();
        var address = ClientAddressStartupFilter.NewAddress();
        for (var i = 0; i < 10; i++)
        {
            var result = await registration.RegisterAsync(Applicant($"1352222{i:D4}", schoolId), address);
            Assert.True(result.Succeeded, result.Error?.Message);
        }
        var eleventh = Assert.IsType<ValidationError>((await registration.RegisterAsync(Applicant("13522220010", schoolId), address)).Error);
        Assert.Contains("本网络提交的注册申请过多", eleventh.Fields[RegistrationService.FormField]);
        await using (var db = await portal.DbAsync())
        {
            Assert.False(await db.Users.AnyAsync(u => u.PhoneNumber == "13522220010"));
        }
        Assert.True((await registration.RegisterAsync(Applicant("13522220011", schoolId), ClientAddressStartupFilter.NewAddress())).Succeeded);
    }

    [Fact]
    public async Task Applications_older_than_thirty_days_stop_filling_the_cap_and_expire_with_a_reason()
    {
        var schoolId = await NewSchoolAsync("过期申请测试小学");
        var stale = portal.Now.AddDays(-31);
        await AddPendingApplicationsAsync(schoolId, "1357100", "旧申请", stale);
        var registration = portal.Service<RegistrationService>();
        var fresh = await registration.RegisterAsync(Applicant("13522230001", schoolId), ClientAddressStartupFilter.NewAddress());
        Assert.True(fresh.Succeeded, fresh.Error?.Message);

        Assert.True(await registration.ExpireStaleAsync() >= RegistrationService.MaxPendingPerSchool);
        await using var check = await portal.DbAsync();
        var old = await check.Users.Where(u => u.OrgUnitId == schoolId && u.RealName == "旧申请").ToListAsync();
        Assert.All(old, u =>
        {
            Assert.Equal(AccountStatus.Rejected, u.Status);
            Assert.Equal(registration.ExpiredReason, u.RejectionReason);
        });
        Assert.Equal(AccountStatus.Pending, (await check.Users.SingleAsync(u => u.Id == fresh.Value)).Status);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccountRejected && a.EntityId == old[0].Id && a.ActorId == "system"));
    }

    [Fact]
    public async Task A_school_admin_rejects_several_applications_at_once_with_one_reason()
    {
        var registration = portal.Service<RegistrationService>();
        var schoolId = (await portal.DemoSchoolAsync()).Id;
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var result = await registration.RegisterAsync(Applicant($"1352224{i:D4}", schoolId), ClientAddressStartupFilter.NewAddress());
            Assert.True(result.Succeeded, result.Error?.Message);
            ids.Add(result.Value!);
        }
        var elsewhere = await registration.RegisterAsync(Applicant("13522249999", (await portal.OtherCountySchoolAsync()).Id), ClientAddressStartupFilter.NewAddress());
        Assert.True(elsewhere.Succeeded, elsewhere.Error?.Message);

        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var accounts = portal.Service<AccountAdminService>();
        Assert.IsType<ValidationError>((await accounts.RejectManyAsync(admin, ids, "  ")).Error);
        var rejected = await accounts.RejectManyAsync(admin, [.. ids, elsewhere.Value!], "脚本批量注册");
        Assert.Equal(3, rejected.Value);

        await using var db = await portal.DbAsync();
        Assert.All(await db.Users.Where(u => ids.Contains(u.Id)).ToListAsync(), u =>
        {
            Assert.Equal(AccountStatus.Rejected, u.Status);
            Assert.Equal("脚本批量注册", u.RejectionReason);
        });
        Assert.Equal(AccountStatus.Pending, (await db.Users.SingleAsync(u => u.Id == elsewhere.Value)).Status);
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.AccountRejected && ids.Contains(a.EntityId) && a.ActorId == admin.UserId));
    }

    [Fact]
    public async Task A_common_password_is_refused_at_registration()
    {
        var input = await ValidInputAsync("13512340031");
        input.Password = input.ConfirmPassword = "password12";
        var error = Assert.IsType<ValidationError>((await portal.Service<RegistrationService>().RegisterAsync(input, ClientAddressStartupFilter.NewAddress())).Error);
        Assert.Equal(EduPortal.Web.Infrastructure.Auth.CommonPasswordValidator.Message, error.Fields["Password"]);
    }

    /// <summary>Fills a school's queue: <see cref="RegistrationService.MaxPendingPerSchool"/> pending applications registered at <paramref name="registeredAt"/>.</summary>
    private async Task AddPendingApplicationsAsync(int schoolId, string phonePrefix, string realName, DateTimeOffset registeredAt)
    {
        await using var db = await portal.DbAsync();
        for (var i = 0; i < RegistrationService.MaxPendingPerSchool; i++)
        {
            db.Users.Add(new EduPortal.Data.Accounts.ApplicationUser
            {
                UserName = $"{phonePrefix}{i:D4}",
                PhoneNumber = $"{phonePrefix}{i:D4}",
                RealName = realName,
                OrgUnitId = schoolId,
                Status = AccountStatus.Pending,
                RegisteredAt = registeredAt,
                SubjectsText = "语文",
                SecurityStamp = Guid.NewGuid().ToString(),
            });
        }
        await db.SaveChangesAsync();
    }
}
