using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data.Seeding;

/// <summary>
/// A term of demo use records: in every week of the current term so far, each class's room records a few subjects
/// taught with its equipment by the room's head teacher. Deterministic; a school in three leaves two subjects unused,
/// so the roll-up shows schools below the 100% subject target. Nothing when use records exist.
/// </summary>
public sealed class SmartboardUseDemoSeeder(EduPortalDbContext db, TimeProvider clock)
{
    private readonly Random _random = new(20261130);

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.SmartboardLessons.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var today = ChinaTime.Today(clock);
        var term = UseTerm.Of(today);
        var schools = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.Path, o.Stage, Grades = o.Classes.Select(c => c.Grade).ToList() }).ToListAsync(cancellationToken);
        var rooms = (await db.Classrooms.AsNoTracking().Where(c => c.Kind == ClassroomKind.Ordinary).OrderBy(c => c.Id).ToListAsync(cancellationToken))
            .ToLookup(c => c.SchoolId);
        var previousDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var count = 0;
        try
        {
            foreach (var (school, index) in schools.Select((s, i) => (s, i)))
            {
                var taught = LessonSubjects.TaughtAt(school.Stage, school.Grades).ToList();
                // Every third school leaves its last two subjects without the equipment.
                var subjects = index % 3 == 2 && taught.Count > 2 ? taught.Take(taught.Count - 2).ToList() : taught;
                foreach (var room in rooms[school.Id])
                {
                    var teacher = new Caller(room.ResponsibleUserId ?? "system-seed", room.ResponsibleName ?? "系统初始化", AdminLevel.Teacher, school.Id, school.Name,
                        school.Path, OrgUnitKind.School, Capability.None);
                    for (var monday = term.Start; monday <= today; monday = monday.AddDays(7))
                    {
                        for (var k = 0; k < 3; k++)
                        {
                            var day = monday.AddDays(_random.Next(5));
                            if (day > today)
                            {
                                continue;
                            }
                            var lesson = SmartboardLesson.Record(teacher, room, subjects[_random.Next(subjects.Count)], day, 1 + _random.Next(2), clock);
                            if (lesson.Succeeded)
                            {
                                db.SmartboardLessons.Add(lesson.Value!);
                                count++;
                            }
                        }
                    }
                }
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = previousDetect;
        }
        return count;
    }
}
