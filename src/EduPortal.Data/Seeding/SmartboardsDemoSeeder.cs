using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data.Seeding;

/// <summary>
/// Demo 班班通 register, deterministic (fixed seed): every demo school's class rooms (each with a head teacher) and
/// special rooms, their devices (urban schools fully equipped, township and village schools partly, so coverage is
/// below 100% like circular 003's 82.9%), a few idle and scrapped devices, each school's network access and the
/// technicians' posts. Runs once, into an empty register.
/// </summary>
public sealed class SmartboardsDemoSeeder(EduPortalDbContext db, TimeProvider clock)
{
    private static readonly (string Brand, string Model)[] Displays =
        [("希沃", "MC86FEA"), ("鸿合", "HD-I7598E"), ("长虹", "CH-86IWB"), ("海信", "86MR6DE")];
    private static readonly (string Brand, string Model)[] Whiteboards = [("鸿合", "HV-I682"), ("天士博", "TB-8210")];
    private static readonly (string Brand, string Model)[] Projectors = [("爱普生", "CB-X06"), ("明基", "MX611")];
    private static readonly (string Brand, string Model)[] Computers = [("联想", "启天M430"), ("清华同方", "超翔Z8000")];
    private static readonly string[] Providers = ["中国电信", "中国移动", "中国联通"];

    private readonly Random _random = new(20261129);

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Devices.AnyAsync(cancellationToken) || await db.Classrooms.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var today = ChinaTime.Today(clock);
        var units = await db.OrgUnits.AsNoTracking().Select(o => new { o.Id, o.Path, o.Kind }).ToListAsync(cancellationToken);
        var countyByPath = units.Where(u => u.Kind == OrgUnitKind.County).ToDictionary(u => u.Path, u => u.Id);
        var schools = await db.OrgUnits.AsNoTracking().Include(o => o.Classes).Where(o => o.Kind == OrgUnitKind.School)
            .OrderBy(o => o.Id).ToListAsync(cancellationToken);
        if (schools.Count == 0)
        {
            return 0;
        }
        var parents = units.ToDictionary(u => u.Id, u => u.Kind);
        var staff = (await db.Users.AsNoTracking().ActiveServing().Where(u => u.OrgUnit!.Kind == OrgUnitKind.School)
                .Select(u => new { u.Id, u.UserName, u.RealName, u.OrgUnitId, u.Level, u.Capabilities }).ToListAsync(cancellationToken))
            .GroupBy(u => u.OrgUnitId)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.UserName == DemoAccounts.Teacher ? 0 : 1).ThenBy(u => u.Id, StringComparer.Ordinal).ToList());
        var technicians = await db.Users.AsNoTracking().ActiveServing().Where(u => (u.Capabilities & Capability.Technician) == Capability.Technician)
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.OrgUnitId, u.OrgUnit!.Path }).ToListAsync(cancellationToken);

        var previousDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var count = 0;
        try
        {
            // Rooms first (their ids place the devices).
            var roomsBySchool = new Dictionary<int, List<Classroom>>();
            foreach (var school in schools)
            {
                var countyId = countyByPath[OrgUnit.AncestorPaths(school.Path)[1]];
                var admin = SeedCaller(school);
                var people = staff.GetValueOrDefault(school.Id) ?? [];
                var teachers = people.Where(p => p.Level == AdminLevel.Teacher).ToList();
                var rooms = new List<Classroom>();
                var index = 0;
                foreach (var schoolClass in school.Classes.OrderBy(c => c.Grade).ThenBy(c => c.Number))
                {
                    var head = teachers.Count == 0 ? null : teachers[index % teachers.Count];
                    index++;
                    rooms.Add(Classroom.Create(admin, school, countyId, "", ClassroomKind.Ordinary, schoolClass, head?.Id, head?.RealName, null, clock).Value!);
                }
                var keeper = people.FirstOrDefault(p => (p.Capabilities & Capability.Technician) == Capability.Technician) ?? people.FirstOrDefault();
                if (school.Classes.Count >= 6)
                {
                    rooms.Add(Classroom.Create(admin, school, countyId, "主控室", ClassroomKind.ControlRoom, null, keeper?.Id, keeper?.RealName, null, clock).Value!);
                }
                if (school.Classes.Count >= 18)
                {
                    rooms.Add(Classroom.Create(admin, school, countyId, "录播室", ClassroomKind.RecordingStudio, null, keeper?.Id, keeper?.RealName, null, clock).Value!);
                }
                if ((school.Stage & (SchoolStage.Junior | SchoolStage.Senior)) != 0)
                {
                    rooms.Add(Classroom.Create(admin, school, countyId, "物理实验室", ClassroomKind.Laboratory, null, keeper?.Id, keeper?.RealName, null, clock).Value!);
                }
                db.Classrooms.AddRange(rooms);
                roomsBySchool[school.Id] = rooms;

                var underTownship = school.ParentId is { } parentId && parents.GetValueOrDefault(parentId) == OrgUnitKind.Township;
                var tier = SchoolTiers.Default(school.Stage, school.Name, underTownship);
                var profile = SchoolNetworkProfile.Create(school.Id, school.Path, countyId, tier, clock);
                var (bandwidth, access) = !underTownship ? (Pick(200, 500, 1000), NetworkAccess.Fibre)
                    : tier == SchoolTier.CentralOrAbove ? (Pick(50, 100, 100, 200), _random.NextDouble() < 0.8 ? NetworkAccess.Fibre : NetworkAccess.Broadband)
                    : (Pick(0, 20, 50, 100), NetworkAccess.Broadband);
                if (bandwidth == 0)
                {
                    access = NetworkAccess.None;
                }
                profile.Update(admin with { Level = AdminLevel.County }, bandwidth == 0 ? null : bandwidth, access, tier, access == NetworkAccess.None ? null : Providers[school.Id % Providers.Length], clock);
                db.SchoolNetworkProfiles.Add(profile);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            foreach (var school in schools)
            {
                var rooms = roomsBySchool[school.Id];
                var countyId = countyByPath[OrgUnit.AncestorPaths(school.Path)[1]];
                var underTownship = school.ParentId is { } parentId && parents.GetValueOrDefault(parentId) == OrgUnitKind.Township;
                var village = underTownship && SchoolTiers.Default(school.Stage, school.Name, true) == SchoolTier.Village;
                // Urban schools are fully equipped; township schools mostly; village schools about half (circular 004: 推进"班班通"向乡镇以下学校延伸).
                var equippedShare = !underTownship ? 1.0 : village ? 0.5 : 0.85;
                var sequence = 0;
                var devices = new List<Device>();
                string NextTag() => $"BBT-{++sequence:0000}";
                void Add(Classroom? room, DeviceType type, (string Brand, string Model) make, decimal value, DeviceStatus status, int ageYears)
                {
                    var purchase = today.AddDays(-(ageYears * 365 + _random.Next(30, 300)));
                    var details = new DeviceDetails(NextTag(), type, make.Brand, make.Model, $"SN{_random.Next(10_000_000, 99_999_999)}",
                        ageYears >= 6 ? FundingSource.WeakSchoolImprovement : _random.NextDouble() < 0.7 ? FundingSource.Allocated : FundingSource.SelfRaised,
                        purchase, value, purchase.AddDays(_random.Next(5, 40)), purchase.AddYears(3), null);
                    var at = new FixedClock(new DateTimeOffset(details.InstallDate!.Value.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
                    var device = Device.Register(SeedCaller(school), school.Id, school.Path, countyId, status == DeviceStatus.InUse ? room : null, details,
                        status == DeviceStatus.Scrapped ? DeviceStatus.Idle : status, at).Value!;
                    if (status == DeviceStatus.Scrapped)
                    {
                        device.Scrap(SeedCaller(school), "使用年限已满，无法维修", clock);
                    }
                    devices.Add(device);
                }
                foreach (var room in rooms)
                {
                    switch (room.Kind)
                    {
                        case ClassroomKind.Ordinary:
                            if (_random.NextDouble() < equippedShare)
                            {
                                var older = _random.NextDouble() < 0.3;
                                Add(room, older ? DeviceType.Whiteboard : DeviceType.InteractiveDisplay, older ? Pick(Whiteboards) : Pick(Displays),
                                    older ? 9_800m : 14_500m + _random.Next(0, 30) * 100m, DeviceStatus.InUse, older ? 8 : _random.Next(1, 5));
                                if (older)
                                {
                                    Add(room, DeviceType.Projector, Pick(Projectors), 3_600m, DeviceStatus.InUse, 8);
                                    Add(room, DeviceType.Computer, Pick(Computers), 4_200m, DeviceStatus.InUse, 8);
                                }
                                if (_random.NextDouble() < 0.5)
                                {
                                    Add(room, DeviceType.Visualizer, ("希沃", "展台V2"), 1_200m, DeviceStatus.InUse, _random.Next(1, 6));
                                }
                            }
                            else if (_random.NextDouble() < 0.4)
                            {
                                // An old projector only: not interactive, so the class does not count as covered.
                                Add(room, DeviceType.Projector, Pick(Projectors), 3_200m, DeviceStatus.InUse, 9);
                            }
                            break;
                        case ClassroomKind.ControlRoom:
                            Add(room, DeviceType.Network, ("华为", "S5735-L24T4S"), 6_800m, DeviceStatus.InUse, _random.Next(1, 6));
                            Add(room, DeviceType.Network, ("H3C", "ER3200G3"), 2_900m, DeviceStatus.InUse, _random.Next(1, 6));
                            Add(room, DeviceType.Computer, ("联想", "ThinkServer TS80X"), 9_500m, DeviceStatus.InUse, _random.Next(1, 6));
                            break;
                        case ClassroomKind.RecordingStudio:
                            Add(room, DeviceType.InteractiveDisplay, Pick(Displays), 16_800m, DeviceStatus.InUse, _random.Next(1, 4));
                            Add(room, DeviceType.Audio, ("ITC", "T-6232"), 5_600m, DeviceStatus.InUse, _random.Next(1, 4));
                            break;
                        case ClassroomKind.Laboratory:
                            Add(room, DeviceType.Projector, Pick(Projectors), 3_800m, DeviceStatus.InUse, _random.Next(2, 8));
                            break;
                    }
                }
                // A few devices in the store room: idle (some may be offered to other schools) and scrapped.
                if (!village && school.Classes.Count >= 6)
                {
                    Add(null, DeviceType.Projector, Pick(Projectors), 3_600m, DeviceStatus.Idle, 7);
                    if (_random.NextDouble() < 0.5)
                    {
                        Add(null, DeviceType.InteractiveDisplay, Pick(Displays), 12_800m, DeviceStatus.Idle, 4);
                    }
                    Add(null, DeviceType.Whiteboard, Pick(Whiteboards), 9_800m, DeviceStatus.Scrapped, 10);
                }
                db.Devices.AddRange(devices);
                count += devices.Count;
            }
            foreach (var technician in technicians)
            {
                var post = TechnicianPost.Create(technician.Id, technician.OrgUnitId, technician.Path, clock);
                var fullTime = _random.NextDouble() < 0.6;
                post.Update(SeedCaller(technician.OrgUnitId, technician.Path), fullTime, fullTime ? "专职电教管理员" : "兼职电教员", clock);
                db.TechnicianPosts.Add(post);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = previousDetect;
        }
        return count;
    }

    private int Pick(params int[] values) => values[_random.Next(values.Length)];

    private (string Brand, string Model) Pick((string Brand, string Model)[] values) => values[_random.Next(values.Length)];

    /// <summary>The register's opening entries are written in the school admin's place (系统初始化).</summary>
    private static Caller SeedCaller(OrgUnit school) => SeedCaller(school.Id, school.Path, school.Name);

    private static Caller SeedCaller(int unitId, string path, string name = "") =>
        new("system-seed", "系统初始化", AdminLevel.School, unitId, name, path, OrgUnitKind.School, Capability.None);

    /// <summary>A clock stopped at one instant: the register's opening entries carry the install date.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
