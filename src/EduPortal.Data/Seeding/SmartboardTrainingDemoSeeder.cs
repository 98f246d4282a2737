using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data.Seeding;

/// <summary>
/// Demo 班班通 trainings and archive entries, deterministic: for every school of the demo county a year of school
/// trainings recorded by its admin (全员培训 each term, 骨干教师 and 技术人员 trainings, the principal's), two
/// county-run trainings recorded by the county admin with attendees from several schools, and the demo school's
/// 教研工作日志 entries. Runs once (nothing when training records exist), through the real domain rules.
/// </summary>
public sealed class SmartboardTrainingDemoSeeder(EduPortalDbContext db, TimeProvider clock)
{
    private sealed class SeedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.TrainingRecords.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var county = await db.Users.Include(u => u.OrgUnit).SingleOrDefaultAsync(u => u.UserName == DemoAccounts.CountyAdmin, cancellationToken);
        var demoAdmin = await db.Users.Include(u => u.OrgUnit).SingleOrDefaultAsync(u => u.UserName == DemoAccounts.SchoolAdmin, cancellationToken);
        if (county is null || demoAdmin is null)
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        // Every record is entered as of "now", held within the last year (the domain refuses the future and older backfills).
        var at = new SeedClock(now);
        var countyPath = county.OrgUnit!.Path;
        var schools = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(countyPath)).OrderBy(o => o.Path)
            .ToListAsync(cancellationToken);
        var people = (await db.Users.AsNoTracking().ActiveServing().Where(u => u.OrgUnit!.Path.StartsWith(countyPath) && u.OrgUnit.Kind == OrgUnitKind.School)
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.RealName, u.Level, u.Capabilities, u.OrgUnitId }).ToListAsync(cancellationToken))
            .ToLookup(u => u.OrgUnitId);
        var records = 0;
        for (var i = 0; i < schools.Count; i++)
        {
            var school = schools[i];
            var staff = people[school.Id].Select(p => (p.Id, p.RealName, p.Level, p.Capabilities)).ToList();
            var admin = staff.FirstOrDefault(p => p.Level == AdminLevel.School);
            if (admin.Id is null)
            {
                continue; // a school without an admin has recorded nothing
            }
            var caller = new Caller(admin.Id, admin.RealName, AdminLevel.School, school.Id, school.Name, school.Path, OrgUnitKind.School, Capability.None);
            TrainingAttendee Attendee((string Id, string RealName, AdminLevel, Capability) p) => new(p.Id, p.RealName, school.Id, school.Name, school.Path);
            var everyone = staff.Select(Attendee).ToList();
            // Every third school skips the spring 全员培训, so the share differs between schools.
            var plan = new List<(TrainingKind Kind, string Title, int DaysAgo, decimal Hours, IReadOnlyList<TrainingAttendee> Who)>
            {
                (TrainingKind.AllStaff, "班班通交互式一体机基本操作校本培训", 300, 4m, everyone),
                (TrainingKind.KeyTeacher, "学科骨干教师班班通课堂应用研讨", 200, 6m, everyone.Take(Math.Max(1, everyone.Count / 3)).ToList()),
                (TrainingKind.Technician, "电教管理员设备维护与网络安全培训", 150, 8m,
                    staff.Where(p => p.Capabilities.HasFlag(Capability.Technician)).Select(Attendee).DefaultIfEmpty(Attendee(admin)).ToList()),
                (TrainingKind.Principal, "校长班班通管理与应用专题培训", 120, 3m, [Attendee(admin)]),
            };
            if (i % 3 != 2)
            {
                plan.Add((TrainingKind.AllStaff, "薄改资源库与国家基础教育资源网使用培训", 40, 3m, everyone));
            }
            foreach (var (kind, title, daysAgo, hours, who) in plan)
            {
                var recorded = TrainingRecord.Record(caller, kind, title, school.Name, today.AddDays(-daysAgo - i % 7), hours, who, at);
                if (recorded.Succeeded)
                {
                    db.TrainingRecords.Add(recorded.Value!);
                    records++;
                }
            }
        }
        // County-run trainings (circular 004 (六): 市、校两级联动): technicians and one key teacher of each school.
        var countyCaller = new Caller(county.Id, county.RealName, county.Level, county.OrgUnitId, county.OrgUnit.Name, county.OrgUnit.Path, county.OrgUnit.Kind,
            county.Capabilities);
        var countyAttendees = schools.SelectMany(s => people[s.Id].Where(p => p.Level == AdminLevel.Teacher).Take(1)
            .Select(p => new TrainingAttendee(p.Id, p.RealName, s.Id, s.Name, s.Path))).Take(TrainingRecord.MaxAttendees).ToList();
        foreach (var (kind, title, daysAgo, hours) in new[]
        {
            (TrainingKind.KeyTeacher, "全县班班通应用骨干教师集中培训", 90, 12m),
            (TrainingKind.Technician, "全县电教管理员班班通维修技能培训", 30, 16m),
        })
        {
            var recorded = TrainingRecord.Record(countyCaller, kind, title, county.OrgUnit.Name, today.AddDays(-daysAgo), hours, countyAttendees, at);
            if (recorded.Succeeded && countyAttendees.Count > 0)
            {
                db.TrainingRecords.Add(recorded.Value!);
                records++;
            }
        }
        // The demo school's 教研工作日志 (circular 003 §三.2 组织教研).
        var demoCaller = new Caller(demoAdmin.Id, demoAdmin.RealName, demoAdmin.Level, demoAdmin.OrgUnitId, demoAdmin.OrgUnit!.Name, demoAdmin.OrgUnit.Path,
            demoAdmin.OrgUnit.Kind, demoAdmin.Capabilities);
        foreach (var (title, content, daysAgo) in new[]
        {
            ("数学组班班通观摩课研讨", "围绕一体机互动功能在课堂练习中的使用开展研讨，确定下月示范课课题。", 75),
            ("语文组校本资源整理", "按年级、课节整理课件与微课，上传学校资源库 23 个。", 45),
            ("英语组课例分析", "观看示范课录像，讨论展台与录播在口语练习中的用法。", 12),
        })
        {
            var entry = ArchiveDocument.File(demoCaller, demoAdmin.OrgUnitId, demoAdmin.OrgUnit.Path, ArchiveKind.ResearchLog, title, today.AddDays(-daysAgo),
                content, null, null, at);
            if (entry.Succeeded)
            {
                db.ArchiveDocuments.Add(entry.Value!);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return records;
    }
}
