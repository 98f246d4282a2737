using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards.Repairs;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Smartboards;

/// <summary>
/// The repair figures' nightly snapshot plus live count give exactly the figures of a direct count, also after tickets
/// are raised, closed and repeated on the day after the snapshot was taken.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RepairFiguresRollupTests(PortalFactory portal)
{
    private RepairFiguresService Figures => portal.Service<RepairFiguresService>();
    private RepairTicketService Tickets => portal.Service<RepairTicketService>();

    private async Task AssertSameAsDirectAsync(Caller caller)
    {
        var (from, to) = RepairFiguresService.StandardPeriod(portal.Today);
        var rolled = (await Figures.FiguresAsync(caller, from, to)).Value!;
        var direct = await Figures.DirectFiguresAsync(caller, from, to);
        Assert.Equal(direct.Total, rolled.Total);
        Assert.Equal(direct.Units, rolled.Units);
    }

    private async Task<Caller[]> CallersAsync() =>
    [
        await portal.CallerAsync(DemoAccounts.CountyAdmin),
        await portal.CallerAsync(DemoAccounts.CityAdmin),
        await portal.CallerAsync(DemoAccounts.SchoolAdmin),
        await portal.CallerAsync(SmartboardDemoAccounts.TownshipTechnician),
    ];

    [Fact]
    public async Task The_snapshot_and_live_count_equal_a_direct_count_before_and_after_the_days_tickets()
    {
        Assert.True(await Figures.TakeSnapshotAsync() > 0);
        await using (var db = await portal.DbAsync())
        {
            Assert.True(await db.RepairFigureSnapshots.AnyAsync(s => s.Day == portal.Today));
            Assert.Equal(0, await db.RepairFigureSnapshots.CountAsync(s => s.Day != portal.Today));
        }
        foreach (var caller in await CallersAsync())
        {
            await AssertSameAsDirectAsync(caller);
        }
        var county = (await Figures.FiguresAsync(await portal.CallerAsync(DemoAccounts.CountyAdmin), portal.Today.AddYears(-1).AddDays(1), portal.Today)).Value!;
        Assert.True(county.Total.Tickets > 0);

        // After the snapshot: a ticket raised and fixed (settled today), a second one on the same device (a repeat fault
        // made today) left open, and one more ticket open on another device.
        var teacher = await portal.CallerAsync(SmartboardDemoAccounts.VillageTeacher);
        var schoolTech = await portal.CallerAsync(SmartboardDemoAccounts.SchoolTechnician);
        var (device, _) = await RepairTicketServiceTests.NewDeviceAsync(portal);
        var first = (await Tickets.RaiseAsync(teacher, device.Id, "无法开机")).Value;
        var view = (await Tickets.GetAsync(schoolTech, first))!;
        Assert.True((await Tickets.TakeAsync(schoolTech, first, view.Version)).Succeeded);
        view = (await Tickets.GetAsync(schoolTech, first))!;
        Assert.True((await Tickets.ResolveAsync(schoolTech, first, view.Version, "重装系统", null, null)).Succeeded);
        view = (await Tickets.GetAsync(teacher, first))!;
        Assert.True((await Tickets.AcceptAsync(teacher, first, view.Version, RepairVerdict.Fixed, null)).Succeeded);
        Assert.True((await Tickets.RaiseAsync(teacher, device.Id, "又无法开机")).Succeeded);
        var (other, _) = await RepairTicketServiceTests.NewDeviceAsync(portal);
        Assert.True((await Tickets.RaiseAsync(teacher, other.Id, "投影偏色")).Succeeded);

        var after = (await Figures.FiguresAsync(await portal.CallerAsync(DemoAccounts.CountyAdmin), portal.Today.AddYears(-1).AddDays(1), portal.Today)).Value!;
        Assert.Equal(county.Total.Tickets + 3, after.Total.Tickets);
        Assert.Equal(county.Total.RepeatFaultDevices + 1, after.Total.RepeatFaultDevices);
        foreach (var caller in await CallersAsync())
        {
            await AssertSameAsDirectAsync(caller);
        }
    }

    [Fact]
    public async Task Taking_the_snapshot_twice_gives_the_same_rows()
    {
        var first = await Figures.TakeSnapshotAsync();
        var second = await Figures.TakeSnapshotAsync();
        Assert.Equal(first, second);
        await using var db = await portal.DbAsync();
        Assert.Equal(second, await db.RepairFigureSnapshots.CountAsync());
    }
}
