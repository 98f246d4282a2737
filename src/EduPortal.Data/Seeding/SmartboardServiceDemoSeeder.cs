using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data.Seeding;

/// <summary>Demo logins of the repair workflow (password as the other demo accounts).</summary>
public static class SmartboardDemoAccounts
{
    /// <summary>A teacher of a village school under a township centre (the demo county's first such school).</summary>
    public const string VillageTeacher = "teacher_village";

    /// <summary>That school's technician (学校技术员).</summary>
    public const string SchoolTechnician = "tech_school";

    /// <summary>A technician of the township centre's 教育技术服务组 above that school.</summary>
    public const string TownshipTechnician = "tech_township";
}

/// <summary>
/// Demo data of the repair, inspection and policy side of 班班通, deterministic (fixed random seed): technicians for
/// every township centre's 教育技术服务组, a year of repair tickets across the three tiers driven through the real
/// transitions (so every step, deadline and device status is consistent), an inspection round per school of the demo
/// county, and each school's policies (some missing, to be flagged). Runs once; tickets only once the register holds
/// devices.
/// </summary>
public sealed class SmartboardServiceDemoSeeder(EduPortalDbContext db, TimeProvider clock)
{
    private readonly Random _random = new(20261130);
    private readonly SeedClock _at = new();

    private sealed class SeedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly string[] Faults = ["无法开机", "黑屏或无画面", "触摸失灵", "没有声音", "电脑死机或蓝屏", "网络不通", "投影模糊或偏色", "遥控器失灵", "展台无图像"];
    private static readonly (string Work, string? Parts, decimal? Cost)[] SchoolFixes =
    [
        ("重新插拔信号线，恢复正常", null, null), ("重装系统并还原教学软件", null, null), ("触摸框重新校准", null, null),
        ("更换电源适配器", "电源适配器", 85m), ("更换音箱连接线", "音频线", 15m), ("清理灰尘、更换投影灯泡", "投影灯泡", 380m),
    ];
    private static readonly (string Work, string? Parts, decimal? Cost)[] UpperFixes =
    [
        ("更换主板", "主板", 650m), ("更换触摸框", "触摸框", 1200m), ("更换电源板", "电源板", 320m), ("更换内置电脑模块（OPS）", "OPS 电脑模块", 2100m),
        ("厂家保修上门维修", null, null),
    ];

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var seeded = 0;
        var demoSchoolAdmin = await db.Users.Include(u => u.OrgUnit).SingleOrDefaultAsync(u => u.UserName == DemoAccounts.SchoolAdmin, cancellationToken);
        if (demoSchoolAdmin is null)
        {
            return 0;
        }
        var countyPath = OrgUnit.AncestorPaths(demoSchoolAdmin.OrgUnit!.Path)[1];
        if (!await db.Users.AnyAsync(u => u.UserName == SmartboardDemoAccounts.TownshipTechnician, cancellationToken))
        {
            await SeedAccountsAsync(countyPath, demoSchoolAdmin.PasswordHash!, now, cancellationToken);
            await SeedPoliciesAsync(demoSchoolAdmin.OrgUnitId, now, cancellationToken);
            await SeedInspectionsAsync(countyPath, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            seeded++;
        }
        if (!await db.RepairTickets.AnyAsync(cancellationToken) && await db.Devices.AnyAsync(cancellationToken))
        {
            seeded += await SeedTicketsAsync(now, cancellationToken);
            await MakeVillageTeacherHeadTeacherAsync(cancellationToken);
        }
        return seeded;
    }

    private async Task SeedAccountsAsync(string countyPath, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One technician per township centre (教育技术服务组, circular 003 §二.4).
        var towns = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.Township).OrderBy(o => o.Path).ToListAsync(cancellationToken);
        var village = await db.OrgUnits.Include(o => o.Parent)
            .Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(countyPath) && o.Parent!.Kind == OrgUnitKind.Township)
            .OrderBy(o => o.Path).FirstAsync(cancellationToken);
        var sequence = 0;
        foreach (var town in towns)
        {
            sequence++;
            var demo = town.Id == village.ParentId;
            db.Users.Add(NewUser(demo ? SmartboardDemoAccounts.TownshipTechnician : $"tsg{sequence:D3}", demo ? "郑服务组" : $"服务组技术员{sequence}",
                town, AdminLevel.School, Capability.Technician, passwordHash, now, sequence));
        }
        db.Users.Add(NewUser(SmartboardDemoAccounts.SchoolTechnician, "冯技术员", village, AdminLevel.Teacher, Capability.Technician, passwordHash, now, 900));
        var teacher = NewUser(SmartboardDemoAccounts.VillageTeacher, "何老师", village, AdminLevel.Teacher, Capability.None, passwordHash, now, 901);
        teacher.SubjectsText = "数学";
        db.Users.Add(teacher);
    }

    private static ApplicationUser NewUser(string userName, string realName, OrgUnit org, AdminLevel level, Capability capabilities, string passwordHash,
        DateTimeOffset now, int sequence) => new()
        {
            Id = $"demo-sb-{userName}",
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            PhoneNumber = $"13700{sequence:D6}",
            PhoneNumberConfirmed = true,
            RealName = realName,
            OrgUnit = org,
            Level = level,
            Status = AccountStatus.Active,
            Employment = EmploymentStatus.Serving,
            Capabilities = capabilities,
            RegisteredAt = now.AddDays(-200),
            SecurityStamp = $"demo-sb-stamp-{userName}",
            ConcurrencyStamp = $"demo-sb-concurrency-{userName}",
            LockoutEnabled = true,
            PasswordHash = passwordHash,
        };

    /// <summary>Most schools have all four policies; every fourth misses one or two (flagged), the demo school misses 绩效考评.</summary>
    private async Task SeedPoliciesAsync(int demoSchoolId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schools = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.School).OrderBy(o => o.Path).ToListAsync(cancellationToken);
        var admins = await db.Users.Where(u => u.Level == AdminLevel.School).Select(u => new { u.Id, u.RealName, u.OrgUnitId })
            .ToListAsync(cancellationToken);
        _at.Now = now;
        for (var i = 0; i < schools.Count; i++)
        {
            var school = schools[i];
            var admin = admins.FirstOrDefault(a => a.OrgUnitId == school.Id);
            if (admin is null)
            {
                continue; // a school with no admin has recorded nothing
            }
            var caller = new Caller(admin.Id, admin.RealName, AdminLevel.School, school.Id, school.Name, school.Path, OrgUnitKind.School, Capability.None);
            foreach (var kind in SchoolPolicyKinds.All)
            {
                var missing = school.Id == demoSchoolId ? kind == SchoolPolicyKind.Performance : i % 4 == 3 && (int)kind % 2 == i % 3 % 2;
                if (missing)
                {
                    continue;
                }
                var department = kind == SchoolPolicyKind.Performance ? "教务处" : "电教处";
                var adopted = ChinaTime.Today(clock).AddDays(-_random.Next(60, 900));
                var policy = SchoolPolicy.Create(caller, school.Id, school.Path, kind, department, admin.RealName, adopted, null, _at);
                if (policy.Succeeded)
                {
                    db.SchoolPolicies.Add(policy.Value!);
                }
            }
        }
    }

    /// <summary>One inspection round per school of the demo county; ageing wiring and overload are the commonest findings.</summary>
    private async Task SeedInspectionsAsync(string countyPath, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schools = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(countyPath)).OrderBy(o => o.Path).ToListAsync(cancellationToken);
        var county = await db.Users.Include(u => u.OrgUnit).FirstAsync(u => u.UserName == DemoAccounts.CountyAdmin, cancellationToken);
        var inspector = new Caller(county.Id, county.RealName, county.Level, county.OrgUnitId, county.OrgUnit!.Name, county.OrgUnit.Path, county.OrgUnit.Kind,
            county.Capabilities);
        var today = ChinaTime.Today(clock);
        var problems = new Dictionary<SafetyCheckItem, string>
        {
            [SafetyCheckItem.AgeingWiring] = "教室插线板老化、外皮开裂",
            [SafetyCheckItem.Overload] = "一体机与空调共用一路插座，负载过大",
            [SafetyCheckItem.Lightning] = "网络机柜未接地",
            [SafetyCheckItem.Dust] = "投影机滤网积灰严重",
            [SafetyCheckItem.Virus] = "教师机杀毒软件病毒库过期",
            [SafetyCheckItem.SystemVulnerability] = "教学电脑系统补丁长期未更新",
            [SafetyCheckItem.Theft] = "多媒体讲台柜门锁损坏",
        };
        foreach (var school in schools)
        {
            var inspectedOn = today.AddDays(-_random.Next(10, 40));
            _at.Now = WorkingCalendar.EndOfDay(inspectedOn).AddHours(-8);
            var picks = problems.Keys.Where(k => _random.NextDouble() < (k.IsPriority() ? 0.35 : 0.12)).ToList();
            var findings = picks.Select(item => new SafetyFindingInput(item, problems[item], inspectedOn.AddDays(_random.Next(7, 45)),
                _random.Next(2) == 0 ? "电教管理员" : "总务主任")).ToList();
            var round = SafetyInspection.Record(inspector, school.Id, school.Name, school.Path, inspectedOn, "2026年秋季班班通安全用电专项检查", findings, _at);
            if (round.Succeeded)
            {
                db.SafetyInspections.Add(round.Value!);
            }
        }
    }

    private sealed record Staff(Caller Caller, int SchoolId);

    /// <summary>
    /// About one ticket per three devices over the past year, driven through the real transitions: most fixed at the
    /// school, some escalated (on request or by the deadline) to the township group and the bureau, a few reworked or
    /// scrapped, and the latest still open at each tier (some overdue).
    /// </summary>
    private async Task<int> SeedTicketsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = new WorkingCalendar(DefaultWorkingCalendars.Create(now));
        var deadlines = RepairDeadlines.Default;
        var devices = await db.Devices.Where(d => d.Status == DeviceStatus.InUse).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().Select(o => new { o.Id, o.Name, o.Path, o.Kind, o.ParentId }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var rooms = await db.Classrooms.AsNoTracking().Select(c => new { c.Id, c.Name, c.ResponsibleUserId }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.Status == AccountStatus.Active)
            .Select(u => new { u.Id, u.RealName, u.Level, u.OrgUnitId, u.Capabilities }).ToListAsync(cancellationToken);
        Caller CallerOf(string id, string name, AdminLevel level, int orgId, Capability capabilities)
        {
            var unit = units[orgId];
            return new Caller(id, name, level, orgId, unit.Name, unit.Path, unit.Kind, capabilities);
        }
        var teachers = users.Where(u => u.Level == AdminLevel.Teacher).GroupBy(u => u.OrgUnitId)
            .ToDictionary(g => g.Key, g => g.Select(u => CallerOf(u.Id, u.RealName, u.Level, u.OrgUnitId, u.Capabilities)).ToList());
        var technicians = users.Where(u => u.Capabilities.HasFlag(Capability.Technician)).GroupBy(u => u.OrgUnitId)
            .ToDictionary(g => g.Key, g => CallerOf(g.First().Id, g.First().RealName, g.First().Level, g.Key, g.First().Capabilities));
        var countyAdmins = users.Where(u => u.Level == AdminLevel.County).GroupBy(u => u.OrgUnitId)
            .ToDictionary(g => g.Key, g => CallerOf(g.First().Id, g.First().RealName, g.First().Level, g.Key, g.First().Capabilities));

        var tickets = new List<RepairTicket>();
        var openDevices = new HashSet<long>();
        foreach (var device in devices)
        {
            if (!teachers.TryGetValue(device.SchoolId, out var staff) || !technicians.TryGetValue(device.SchoolId, out var schoolTech)
                || !countyAdmins.TryGetValue(device.CountyId, out var bureau))
            {
                continue;
            }
            var school = units[device.SchoolId];
            var townshipId = school.ParentId is { } parent && units[parent].Kind == OrgUnitKind.Township ? parent : (int?)null;
            var townTech = townshipId is { } t && technicians.TryGetValue(t, out var tt) ? tt : null;
            var room = device.ClassroomId is { } roomId && rooms.TryGetValue(roomId, out var r) ? r : null;
            // 0–2 tickets per device over the year; each at least a month after the previous one.
            // A few devices have a ticket open right now, at every stage and tier (some overdue at the bureau).
            if (_random.NextDouble() < 0.05)
            {
                var stage = _random.Next(5);
                var reporterNow = staff[_random.Next(staff.Count)];
                _at.Now = now.AddHours(stage == 4 ? -24 * 21 : -_random.Next(2, 60));
                var recentFacts = new RepairDevice(device.Id, device.AssetTag, DeviceName(device), room?.Name, device.SchoolId, school.Name, school.Path,
                    townshipId, device.CountyId, room?.ResponsibleUserId, false, false);
                var open = RepairTicket.Raise(reporterNow, recentFacts, Faults[_random.Next(Faults.Length)], null, deadlines, calendar, _at).Value!;
                DriveRecent(open, stage, schoolTech, townTech, bureau, deadlines, calendar, now);
                tickets.Add(open);
                _at.Now = open.RaisedAt;
                device.SetUnderRepair(reporterNow, "报修", _at);
                continue;
            }
            var count = _random.NextDouble() switch { < 0.72 => 0, < 0.95 => 1, _ => 2 };
            var day = -_random.Next(300, 365);
            for (var n = 0; n < count && day < 0; n++)
            {
                var raisedDay = ChinaTime.Today(clock).AddDays(day);
                _at.Now = WorkingCalendar.EndOfDay(raisedDay).AddHours(-24 + 8 + _random.Next(0, 9)).AddMinutes(_random.Next(60));
                if (_at.Now >= now)
                {
                    break;
                }
                var reporter = staff[_random.Next(staff.Count)];
                var facts = new RepairDevice(device.Id, device.AssetTag, DeviceName(device), room?.Name, device.SchoolId, school.Name, school.Path, townshipId,
                    device.CountyId, room?.ResponsibleUserId, false, false);
                var raised = RepairTicket.Raise(reporter, facts, Faults[_random.Next(Faults.Length)], null, deadlines, calendar, _at);
                if (!raised.Succeeded)
                {
                    break;
                }
                var ticket = raised.Value!;
                var finished = Drive(ticket, schoolTech, townTech, bureau, reporter, deadlines, calendar, now);
                tickets.Add(ticket);
                if (!finished)
                {
                    openDevices.Add(device.Id);
                    _at.Now = ticket.RaisedAt;
                    device.SetUnderRepair(reporter, "报修", _at);
                    break;
                }
                if (ticket.State == RepairTicketState.Scrapped)
                {
                    _at.Now = ticket.ClosedAt!.Value;
                    device.SetUnderRepair(reporter, "报修", _at);
                    device.Scrap(reporter, "报修验收：报废", _at);
                    break;
                }
                day += _random.Next(30, 200);
            }
        }
        db.RepairTickets.AddRange(tickets);
        await db.SaveChangesAsync(cancellationToken);
        return tickets.Count;
    }

    /// <summary>
    /// The village teacher answers for one room of her school whose devices are all in use (班主任对本班设备负责), so
    /// her 班班通 page lists devices she can open and report — the path a QR label takes.
    /// </summary>
    private async Task MakeVillageTeacherHeadTeacherAsync(CancellationToken cancellationToken)
    {
        var teacher = await db.Users.Include(u => u.OrgUnit).SingleOrDefaultAsync(u => u.UserName == SmartboardDemoAccounts.VillageTeacher, cancellationToken);
        if (teacher is null)
        {
            return;
        }
        var school = teacher.OrgUnit!;
        var rooms = await db.Classrooms.Where(c => c.SchoolId == school.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var devices = await db.Devices.Where(d => d.SchoolId == school.Id && d.ClassroomId != null)
            .Select(d => new { d.ClassroomId, d.Status }).ToListAsync(cancellationToken);
        var room = rooms.FirstOrDefault(r => devices.Any(d => d.ClassroomId == r.Id) && devices.Where(d => d.ClassroomId == r.Id).All(d => d.Status == DeviceStatus.InUse));
        if (room is null)
        {
            return;
        }
        var schoolClass = room.SchoolClassId is { } classId ? await db.SchoolClasses.SingleAsync(c => c.Id == classId, cancellationToken) : null;
        var admin = new Caller("demo-seeder", "演示数据", AdminLevel.School, school.Id, school.Name, school.Path, OrgUnitKind.School, Capability.None);
        _at.Now = clock.GetUtcNow();
        room.Update(admin, room.Name, room.Kind, schoolClass, teacher.Id, teacher.RealName, room.Notes, _at);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string DeviceName(Device device) =>
        string.Join(" ", new[] { device.Type.DisplayName(), device.Brand, device.Model }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>
    /// An open ticket at one stage: 0 waiting at the school, 1 taken by the school technician, 2 sent up by request and
    /// waiting above, 3 resolved and waiting for acceptance, 4 taken at the bureau three weeks ago and overdue there.
    /// </summary>
    private void DriveRecent(RepairTicket ticket, int stage, Caller schoolTech, Caller? townTech, Caller bureau, RepairDeadlines deadlines,
        WorkingCalendar calendar, DateTimeOffset now)
    {
        Caller Tech() => ticket.Tier switch
        {
            RepairTier.School => schoolTech,
            RepairTier.Township => townTech ?? bureau,
            _ => bureau,
        };
        void Step(double hours) => _at.Now = _at.Now.AddHours(Math.Min(hours, Math.Max(0.1, (now - _at.Now).TotalHours / 2)));
        if (stage == 0)
        {
            return;
        }
        Step(1);
        ticket.Take(Tech(), _at);
        switch (stage)
        {
            case 2:
                Step(2);
                ticket.Escalate(Tech(), "学校无法修复，需更换配件", deadlines, calendar, _at);
                break;
            case 3:
                Step(3);
                var fix = SchoolFixes[_random.Next(SchoolFixes.Length)];
                ticket.Resolve(Tech(), fix.Work, fix.Parts, fix.Cost, _at);
                break;
            case 4:
                Step(4);
                ticket.Escalate(Tech(), "学校无法修复，需更换配件", deadlines, calendar, _at);
                Step(20);
                ticket.Take(Tech(), _at);
                if (ticket.Tier != RepairTier.Bureau)
                {
                    Step(20);
                    ticket.Escalate(Tech(), "需厂家返修，报县教体局联系", deadlines, calendar, _at);
                    Step(20);
                    ticket.Take(Tech(), _at);
                }
                Step(24);
                ticket.RecordWork(Tech(), "已联系厂家，等待配件", null, null, _at);
                break;
        }
    }

    /// <summary>Runs a ticket through its life until now; false if it is still open.</summary>
    private bool Drive(RepairTicket ticket, Caller schoolTech, Caller? townTech, Caller bureau, Caller reporter, RepairDeadlines deadlines,
        WorkingCalendar calendar, DateTimeOffset now)
    {
        bool Advance(TimeSpan by)
        {
            _at.Now += by;
            // The escalation job would have run: overdue tiers go up before anything else happens.
            while (ticket.State.IsWithTier() && ticket.TierDeadline < _at.Now && _at.Now < now
                && ticket.EscalateIfOverdue(deadlines, calendar, new FixedClock(ticket.TierDeadline.AddMinutes(15))))
            {
            }
            return _at.Now < now;
        }
        Caller Tech() => ticket.Tier switch
        {
            RepairTier.School => schoolTech,
            RepairTier.Township => townTech ?? bureau,
            _ => bureau,
        };
        var roll = _random.NextDouble();
        // A few tickets are never picked up at the school in time: the job escalates them.
        if (!Advance(TimeSpan.FromHours(roll < 0.08 ? 80 : _random.Next(1, 20))))
        {
            return false;
        }
        ticket.Take(Tech(), _at);
        if (ticket.Tier == RepairTier.School && roll is >= 0.08 and < 0.28)
        {
            if (!Advance(TimeSpan.FromHours(_random.Next(2, 30))))
            {
                return false;
            }
            ticket.Escalate(Tech(), "学校无法修复，需更换配件", deadlines, calendar, _at);
            if (!Advance(TimeSpan.FromHours(_random.Next(2, 30))))
            {
                return false;
            }
            ticket.Take(Tech(), _at);
            if (ticket.Tier == RepairTier.Township && roll < 0.12)
            {
                if (!Advance(TimeSpan.FromHours(_random.Next(4, 40))))
                {
                    return false;
                }
                ticket.Escalate(Tech(), "需厂家返修，报县教体局联系", deadlines, calendar, _at);
                if (!Advance(TimeSpan.FromHours(_random.Next(4, 40))))
                {
                    return false;
                }
                ticket.Take(Tech(), _at);
            }
        }
        var fixes = ticket.Tier == RepairTier.School ? SchoolFixes : UpperFixes;
        var fix = fixes[_random.Next(fixes.Length)];
        if (!Advance(TimeSpan.FromHours(_random.Next(1, ticket.Tier == RepairTier.School ? 30 : 70))))
        {
            return false;
        }
        if (!ticket.State.IsWithTier())
        {
            return false;
        }
        if (ticket.AssigneeId is null)
        {
            ticket.Take(Tech(), _at);
        }
        ticket.Resolve(Tech(), fix.Work, fix.Parts, fix.Cost, _at);
        if (!Advance(TimeSpan.FromHours(_random.Next(1, 48))))
        {
            return false;
        }
        var verdict = _random.NextDouble() switch { < 0.04 => RepairVerdict.Rework, < 0.06 => RepairVerdict.Scrap, _ => RepairVerdict.Fixed };
        ticket.Accept(reporter, verdict, verdict switch { RepairVerdict.Rework => "仍有问题，请再检查", RepairVerdict.Scrap => "维修费用超过设备残值，同意报废", _ => null },
            deadlines, calendar, _at);
        if (verdict != RepairVerdict.Rework)
        {
            return true;
        }
        if (!Advance(TimeSpan.FromHours(_random.Next(4, 30))))
        {
            return false;
        }
        ticket.Resolve(Tech(), "再次检修，更换排线", "排线", 40m, _at);
        if (!Advance(TimeSpan.FromHours(_random.Next(1, 24))))
        {
            return false;
        }
        ticket.Accept(reporter, RepairVerdict.Fixed, null, deadlines, calendar, _at);
        return true;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
