using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data.Seeding;

/// <summary>
/// Demo data for the lab-teaching survey: an open round of the demo county with a realistic mix of
/// submitted, draft, returned and untouched forms. The demo school's form is left untouched so its
/// admin can fill it. Deterministic (fixed seed); forms go through the domain's own methods.
/// </summary>
public sealed class SurveyDemoSeeder(EduPortalDbContext db, TimeProvider clock)
{
    private static readonly string[] Names = ["王建华", "李志强", "张丽萍", "刘红梅", "陈国栋", "杨晓东", "赵文静", "孙明亮", "周海燕", "吴春生"];
    private readonly Random _random = new(20260418);

    /// <summary>
    /// The demo round's title: the demo county and the term of <paramref name="today"/> (China time), e.g.
    /// "东溪区中小学实验教学情况调查（2026年秋季）".
    /// </summary>
    public static string DemoRoundTitle(string countyName, DateOnly today) => SurveyTitles.LabSurvey(countyName, today);

    /// <summary>Seeds the demo round of the first county, unless a round exists already.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.SurveyRounds.AnyAsync(cancellationToken))
        {
            return;
        }
        var countyAdmin = await db.Users.AsNoTracking().Where(u => u.UserName == DemoAccounts.CountyAdmin)
            .Select(u => new { u.Id, u.RealName, u.OrgUnitId, u.OrgUnit!.Name, u.OrgUnit.Path })
            .SingleOrDefaultAsync(cancellationToken);
        if (countyAdmin is null)
        {
            return;
        }
        var demoSchoolId = await db.Users.Where(u => u.UserName == DemoAccounts.SchoolAdmin).Select(u => u.OrgUnitId).SingleAsync(cancellationToken);
        var opener = new Caller(countyAdmin.Id, countyAdmin.RealName, AdminLevel.County, countyAdmin.OrgUnitId, countyAdmin.Name,
            countyAdmin.Path, OrgUnitKind.County, Capability.None);
        await FillRoundAsync(opener, DemoRoundTitle(countyAdmin.Name, ChinaTime.Today(clock)), submittedShare: 0.55, draftShare: 0.2, skipSchoolId: demoSchoolId, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Opens a round for <paramref name="opener"/>'s subtree and fills forms as each school's admin would:
    /// a share submitted (one of them returned with a comment), a share left as drafts, the rest untouched.
    /// Also used by the benchmark to fill a whole city (<paramref name="everySchool"/>: schools without an admin
    /// account are filled by a stand-in, so every school of the subtree has a form).
    /// </summary>
    public async Task<SurveyRound> FillRoundAsync(Caller opener, string title, double submittedShare, double draftShare,
        int? skipSchoolId = null, bool everySchool = false, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var round = SurveyRound.Open(opener, title, today.AddDays(14), today, now.AddDays(-3)).Value!;
        db.SurveyRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);

        var schools = await db.OrgUnits.AsNoTracking()
            .Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(opener.OrgPath))
            .OrderBy(o => o.Path)
            .Select(o => new { o.Id, o.Name, o.Path, o.Stage, o.StudentCount, Classes = o.Classes.Count })
            .ToListAsync(cancellationToken);
        var people = await db.Users.AsNoTracking().ActiveServing()
            .Where(u => u.OrgUnit!.Path.StartsWith(opener.OrgPath) && u.OrgUnit.Kind == OrgUnitKind.School)
            .Select(u => new { u.Id, u.RealName, u.OrgUnitId, u.Level, u.PhoneNumber, u.SubjectsText })
            .ToListAsync(cancellationToken);
        var byschool = people.ToLookup(p => p.OrgUnitId);
        var reviewer = opener;
        var returned = false;
        foreach (var school in schools)
        {
            var admin = byschool[school.Id].Where(p => p.Level == AdminLevel.School).OrderBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault()
                ?? (everySchool ? new { Id = $"stand-in-{school.Id}", RealName = "填报人", OrgUnitId = school.Id, Level = AdminLevel.School, PhoneNumber = (string?)"13700000000", SubjectsText = "" } : null);
            var roll = _random.NextDouble();
            if (school.Id == skipSchoolId || admin is null || roll >= submittedShare + draftShare)
            {
                continue;
            }
            var caller = new Caller(admin.Id, admin.RealName, AdminLevel.School, school.Id, school.Name, school.Path, OrgUnitKind.School, Capability.None);
            var subjects = SurveySubjects.ForStage(school.Stage);
            var taught = byschool[school.Id].Where(p => p.Level == AdminLevel.Teacher)
                .SelectMany(p => Subjects.Parse(p.SubjectsText).Known).ToList();
            var form = new SurveyForm
            {
                SchoolName = school.Name,
                LabLeadName = Names[_random.Next(Names.Length)],
                LabLeadPhone = $"137{_random.Next(10_000_000, 99_999_999)}",
                AdminName = admin.RealName,
                AdminPhone = admin.PhoneNumber ?? "",
                StudentCount = school.StudentCount,
                ClassCount = school.Classes,
                Subjects = subjects.Select(subject =>
                {
                    // Surveyed teachers: the registered ones plus a few who have not registered yet.
                    var teachers = taught.Count(s => s == subject) + _random.Next(0, 3);
                    return new SurveySubjectEntry(subject)
                    {
                        Teachers = teachers,
                        FullTime = teachers == 0 ? 0 : _random.Next(0, teachers + 1),
                        LabRooms = _random.Next(0, 4),
                    };
                }).ToList(),
            };
            var started = SchoolSurvey.Start(round, school.Id, school.Path, caller, now.AddDays(-2)).Value!;
            started.SaveDraft(round, form, subjects, caller, now.AddDays(-2));
            if (roll < submittedShare)
            {
                var submitted = started.Submit(round, subjects, caller, now.AddDays(-1));
                if (!submitted.Succeeded)
                {
                    throw new InvalidOperationException($"Seed form of {school.Name} is invalid: {submitted.Error!.Message}");
                }
                if (!returned && skipSchoolId is not null)
                {
                    started.Return(round, "学生数与学籍系统不一致，请核对后重新提交。", reviewer, now.AddHours(-20));
                    returned = true;
                }
            }
            db.SchoolSurveys.Add(started);
        }
        await db.SaveChangesAsync(cancellationToken);
        return round;
    }
}
