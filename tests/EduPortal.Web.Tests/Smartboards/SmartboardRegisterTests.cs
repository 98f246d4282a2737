using System.Net;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Smartboards;

[Collection(PortalCollection.Name)]
public sealed class SmartboardRegisterTests(PortalFactory portal)
{
    private static int _tagSequence;

    private static string NewTag() => $"T-{Interlocked.Increment(ref _tagSequence):000}-{Guid.NewGuid().ToString("N")[..6]}";

    private async Task<long> AnyDeviceOfAsync(int schoolId, DeviceStatus? status = null)
    {
        await using var db = await portal.DbAsync();
        return await db.Devices.Where(d => d.SchoolId == schoolId && (status == null || d.Status == status)).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
    }

    [Fact]
    public async Task Every_demo_school_has_rooms_for_its_classes_and_devices()
    {
        // A portal of its own, as first started: other tests of the shared one add schools and classes after the seeding.
        await using var fresh = new PortalFactory();
        await using var db = await fresh.DbAsync();
        var schools = await db.OrgUnits.Where(o => o.Kind == Domain.Organization.OrgUnitKind.School).Select(o => new { o.Id, Classes = o.Classes.Count }).ToListAsync();
        var rooms = await db.Classrooms.Where(c => c.Kind == ClassroomKind.Ordinary).GroupBy(c => c.SchoolId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        var devices = await db.Devices.GroupBy(d => d.SchoolId).Select(g => g.Key).ToListAsync();
        Assert.All(schools, s => Assert.Equal(s.Classes, rooms.GetValueOrDefault(s.Id)));
        Assert.All(schools.Where(s => s.Classes > 0), s => Assert.Contains(s.Id, devices));
        Assert.True(await db.SchoolNetworkProfiles.CountAsync() == schools.Count);
    }

    [Fact]
    public async Task A_device_of_another_school_is_not_found_for_pages_and_services()
    {
        var other = await portal.NeighbourSchoolAsync();
        var foreign = await AnyDeviceOfAsync(other.Id);
        var service = portal.Service<SmartboardRegisterService>();
        foreach (var login in new[] { DemoAccounts.SchoolAdmin, DemoAccounts.Teacher })
        {
            var caller = await portal.CallerAsync(login);
            Assert.Null(await service.GetDeviceAsync(caller, foreign));
            var (client, _) = await portal.SignInAsync(login);
            var page = await client.GetAsync($"/smartboards/devices/{foreign}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/smartboards/devices/{long.MaxValue}")).StatusCode);
        }
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        Assert.Null(await service.GetRegisterAsync(admin, other.Id));
        Assert.IsType<NotFoundError>((await service.ChangeStatusAsync(admin, foreign, DeviceStatus.Idle, null, null)).Error);
        Assert.IsType<NotFoundError>((await service.UpdateDeviceAsync(admin, foreign, 0, new DeviceInput { AssetTag = "X1" })).Error);
        Assert.IsType<NotFoundError>((await service.RegisterDeviceAsync(admin, other.Id, new DeviceInput { AssetTag = "X1", Status = DeviceStatus.Idle })).Error);
        Assert.IsType<NotFoundError>((await service.SaveClassroomAsync(admin, other.Id, null, new ClassroomInput { Kind = ClassroomKind.Other, Name = "仓库" })).Error);
        // The county over both schools sees the device.
        Assert.NotNull(await service.GetDeviceAsync(await portal.CallerAsync(DemoAccounts.CountyAdmin), foreign));
    }

    [Fact]
    public async Task A_teacher_of_the_school_opens_its_device_page_with_the_report_button()
    {
        var school = await portal.DemoSchoolAsync();
        var device = await AnyDeviceOfAsync(school.Id, DeviceStatus.InUse);
        var (client, _) = await portal.SignInAsync(DemoAccounts.Teacher);
        var response = await client.GetAsync($"/smartboards/devices/{device}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PortalFactory.HtmlAsync(response);
        Assert.Contains($"/smartboards/devices/{device}/report", html);
        Assert.Contains("报修", html);
    }

    [Fact]
    public async Task The_head_teacher_sees_the_rooms_they_answer_for()
    {
        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        var rooms = await portal.Service<SmartboardRegisterService>().MyRoomsAsync(teacher);
        Assert.NotEmpty(rooms);
        Assert.All(rooms, r => Assert.Equal(teacher.UserId, r.ResponsibleUserId));
        // A teacher has no register page (admins only).
        Assert.Null(await portal.Service<SmartboardRegisterService>().GetRegisterAsync(teacher, teacher.OrgUnitId));
    }

    [Fact]
    public async Task Registering_editing_and_scrapping_a_device_is_audited_and_kept_in_its_history()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var service = portal.Service<SmartboardRegisterService>();
        var register = (await service.GetRegisterAsync(admin, admin.OrgUnitId))!;
        var room = register.Rooms.First(r => r.Kind == ClassroomKind.Ordinary);
        var tag = NewTag();
        var input = new DeviceInput { AssetTag = tag, Type = DeviceType.Visualizer, Brand = "希沃", ClassroomId = room.Id, Status = DeviceStatus.InUse };
        var id = (await service.RegisterDeviceAsync(admin, admin.OrgUnitId, input)).Value;
        Assert.True(id > 0);

        var duplicate = await service.RegisterDeviceAsync(admin, admin.OrgUnitId, new DeviceInput { AssetTag = tag.ToLowerInvariant(), ClassroomId = room.Id });
        Assert.StartsWith("本校已有资产编号为", Assert.IsType<ValidationError>(duplicate.Error).Fields[nameof(DeviceDetails.AssetTag)]);

        var view = (await service.GetDeviceAsync(admin, id))!;
        var edit = DeviceInput.From(view);
        edit.Brand = "鸿合";
        Assert.True((await service.UpdateDeviceAsync(admin, id, view.Version, edit)).Succeeded);
        Assert.IsType<ConflictError>((await service.UpdateDeviceAsync(admin, id, view.Version, edit)).Error);
        Assert.IsType<ValidationError>((await service.ChangeStatusAsync(admin, id, DeviceStatus.Scrapped, null, " ")).Error);
        Assert.True((await service.ChangeStatusAsync(admin, id, DeviceStatus.Scrapped, null, "跌落损坏")).Succeeded);

        var teacher = await portal.CallerAsync(DemoAccounts.Teacher);
        Assert.IsType<ForbiddenError>((await service.ChangeStatusAsync(teacher, id, DeviceStatus.Idle, null, null)).Error);

        view = (await service.GetDeviceAsync(admin, id))!;
        Assert.Equal(DeviceStatus.Scrapped, view.Status);
        Assert.Equal([DeviceEventKind.Scrapped, DeviceEventKind.Edited, DeviceEventKind.Registered], view.History.Select(h => h.Kind));
        await using var db = await portal.DbAsync();
        var audit = await db.AuditEntries.Where(a => a.EntityType == SmartboardRegisterService.DeviceEntity && a.EntityId == id.ToString())
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditActions.SmartboardDeviceRegistered, AuditActions.SmartboardDeviceUpdated, AuditActions.SmartboardDeviceStatusChanged], audit);
    }

    [Fact]
    public async Task A_room_needs_a_unique_name_and_a_class_of_its_own_and_is_audited()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var service = portal.Service<SmartboardRegisterService>();
        var register = (await service.GetRegisterAsync(admin, admin.OrgUnitId))!;
        var taken = register.Rooms.First(r => r.SchoolClassId != null);
        var sameClass = await service.SaveClassroomAsync(admin, admin.OrgUnitId, null,
            new ClassroomInput { Kind = ClassroomKind.Ordinary, SchoolClassId = taken.SchoolClassId, Name = "另一间" });
        Assert.Equal("该班级已有教室", Assert.IsType<ValidationError>(sameClass.Error).Fields[nameof(Classroom.SchoolClassId)]);
        var sameName = await service.SaveClassroomAsync(admin, admin.OrgUnitId, null, new ClassroomInput { Kind = ClassroomKind.Other, Name = taken.Name });
        Assert.IsType<ValidationError>(sameName.Error);

        var name = $"书法教室{Guid.NewGuid().ToString("N")[..4]}";
        var created = await service.SaveClassroomAsync(admin, admin.OrgUnitId, null, new ClassroomInput { Kind = ClassroomKind.Other, Name = name });
        Assert.True(created.Succeeded, created.Error?.Message);
        Assert.True((await service.DeleteClassroomAsync(admin, created.Value)).Succeeded);
        Assert.IsType<ConflictError>((await service.DeleteClassroomAsync(admin, taken.Devices.Count > 0 ? taken.Id : register.Rooms.First(r => r.Devices.Count > 0).Id)).Error);
        await using var db = await portal.DbAsync();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == SmartboardRegisterService.ClassroomEntity && a.EntityId == created.Value.ToString()));
    }

    [Fact]
    public async Task County_and_city_admins_browse_but_do_not_manage()
    {
        var school = await portal.DemoSchoolAsync();
        var service = portal.Service<SmartboardRegisterService>();
        foreach (var login in new[] { DemoAccounts.CountyAdmin, DemoAccounts.CityAdmin })
        {
            var caller = await portal.CallerAsync(login);
            var register = await service.GetRegisterAsync(caller, school.Id);
            Assert.NotNull(register);
            Assert.False(register.CanManage);
            Assert.IsType<ForbiddenError>((await service.RegisterDeviceAsync(caller, school.Id,
                new DeviceInput { AssetTag = NewTag(), Status = DeviceStatus.Idle })).Error);
            Assert.Contains(await service.ListSchoolsAsync(caller), s => s.Id == school.Id);
        }
        var other = await portal.OtherCountySchoolAsync();
        Assert.Null(await service.GetRegisterAsync(await portal.CallerAsync(DemoAccounts.CountyAdmin), other.Id));
    }
}
