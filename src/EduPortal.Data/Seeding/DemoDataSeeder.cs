using EduPortal.Data.Accounts;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data.Seeding;

public enum SeedSize
{
    /// <summary>~60 schools and ~1,500 teachers: the demo city.</summary>
    Standard,
    /// <summary>~500 schools and ~20,000 teachers: for benchmarks.</summary>
    Large,
}

/// <summary>The demo logins the README lists; every demo account shares <see cref="DemoPassword"/>.</summary>
public static class DemoAccounts
{
    public const string DemoPassword = "EduPortal2026";
    public const string CityAdmin = "city_admin";
    public const string CountyAdmin = "county_admin";
    public const string SchoolAdmin = "school_admin";
    public const string Teacher = "teacher";
    public const string OtherSchoolAdmin = "school_admin2";
}

/// <summary>
/// Builds the fictional city of 云溪市 deterministically (fixed random seed): counties, township
/// centres, schools of every stage with their classes, and teachers and admins at every level.
/// </summary>
public sealed class DemoDataSeeder(EduPortalDbContext db, TimeProvider clock)
{
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"];
    private static readonly string[] GivenChars =
        ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "文", "博", "晨", "宇", "欣", "怡", "佳", "建", "国", "海", "春", "晓", "红", "志", "新", "雪"];
    private static readonly string[] CountyNames = ["东溪区", "西岭县", "南湖县", "枫林县", "青石县", "白沙县", "临泉区", "松涛县", "柳塘县", "云台区"];
    private static readonly string[] TownNames = ["桃源镇", "杏花镇", "石桥镇", "清河镇", "龙泉镇", "梅岭镇", "金沙镇", "柏树镇", "双河镇", "凤凰镇", "长岗镇", "平安镇"];
    private static readonly string[] Ordinals = ["第一", "第二", "第三", "第四", "第五", "第六", "第七", "第八", "第九", "第十"];
    private static readonly string[] VillageNames = ["杏林", "东坡", "南岗", "西庄", "北坪", "柳湾", "枣园", "荷塘", "竹溪", "松林", "上坝", "下湾"];

    private readonly Random _random = new(20261123);
    private int _phoneSequence;
    private int _userSequence;

    /// <param name="hashDemoPassword">Called once, only when the database is empty: one hash shared by every demo account.</param>
    public async Task<bool> SeedAsync(SeedSize size, Func<string> hashDemoPassword, CancellationToken cancellationToken = default)
    {
        if (await db.OrgUnits.AnyAsync(cancellationToken))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        var city = OrgUnit.CreateCity("云溪市教育局");
        var users = new List<ApplicationUser>();
        users.Add(NewUser(DemoAccounts.CityAdmin, "周建国", city, AdminLevel.City, Capability.BureauEditor, now, "13800000001"));
        users.Add(NewUser(null, "林晓红", city, AdminLevel.City, Capability.None, now));

        var countyCount = size == SeedSize.Large ? 10 : 4;
        var schoolsPerCounty = size == SeedSize.Large ? 50 : 15;
        var teacherFactor = size == SeedSize.Large ? 1.75 : 1.0;
        var schools = new List<OrgUnit>();
        for (var c = 0; c < countyCount; c++)
        {
            var county = city.AddChild(OrgUnitKind.County, CountyNames[c] + "教育局").Value!;
            users.Add(NewUser(c == 0 ? DemoAccounts.CountyAdmin : null, RandomName(), county, AdminLevel.County,
                c == 0 ? Capability.BureauEditor : Capability.None, now, c == 0 ? "13800000002" : null));
            var shortName = CountyNames[c];
            var townCount = size == SeedSize.Large ? 8 : 3;
            var towns = Enumerable.Range(0, townCount)
                .Select(t => county.AddChild(OrgUnitKind.Township, TownNames[(c * 3 + t) % TownNames.Length] + "中心校").Value!)
                .ToList();
            foreach (var town in towns)
            {
                users.Add(NewUser(null, RandomName(), town, AdminLevel.School, Capability.None, now));
            }
            var urbanCount = schoolsPerCounty / 2 + 1;
            for (var s = 0; s < schoolsPerCounty; s++)
            {
                var stage = PickStage(s);
                OrgUnit school;
                if (s == 0 && c is 2 or 3)
                {
                    // Two vocational schools (职校) for the award rankings to leave out (circular 001 §四(三)3: 不含职校).
                    school = county.AddChild(OrgUnitKind.School, $"{shortName}职业教育中心", stage).Value!;
                    school.SetVocational(true);
                }
                else if (s < urbanCount)
                {
                    school = county.AddChild(OrgUnitKind.School, UrbanSchoolName(shortName, stage, s), stage).Value!;
                }
                else
                {
                    var town = towns[s % towns.Count];
                    var townName = town.Name.Replace("中心校", "", StringComparison.Ordinal);
                    var village = VillageNames[(s + c) % VillageNames.Length];
                    var name = stage == SchoolStage.Primary ? $"{townName}{village}小学" : $"{townName}{(stage == SchoolStage.Junior ? "初级中学" : "九年一贯制学校")}";
                    if (schools.Any(x => x.Name == name) || town.Kind != OrgUnitKind.Township)
                    {
                        name = $"{townName}{village}{Ordinals[s % Ordinals.Length]}小学";
                    }
                    school = town.AddChild(OrgUnitKind.School, name, stage).Value!;
                }
                AddClasses(school);
                var studentCount = school.Classes.Count * _random.Next(38, 52);
                school.UpdateDetails(school.Name, school.Stage, studentCount, $"0{_random.Next(100, 999)}-{_random.Next(2000000, 8999999)}", null);
                schools.Add(school);
            }
        }

        // Every school gets a school admin and teachers in proportion to its classes.
        for (var i = 0; i < schools.Count; i++)
        {
            var school = schools[i];
            var isDemoSchool = i == 0;
            var hasAdmin = isDemoSchool || i % 9 != 4; // a few schools have no admin, to show the contact fallback
            if (hasAdmin)
            {
                users.Add(NewUser(isDemoSchool ? DemoAccounts.SchoolAdmin : i == 1 ? DemoAccounts.OtherSchoolAdmin : null,
                    RandomName(), school, AdminLevel.School, Capability.None, now,
                    isDemoSchool ? "13800000003" : i == 1 ? "13800000005" : null));
            }
            var teacherCount = (int)Math.Round(school.Classes.Count * 1.45 * teacherFactor) + _random.Next(2, 6);
            for (var t = 0; t < teacherCount; t++)
            {
                var user = NewUser(isDemoSchool && t == 0 ? DemoAccounts.Teacher : null, RandomName(), school, AdminLevel.Teacher,
                    t == 3 ? Capability.Technician : Capability.None, now.AddDays(-_random.Next(1, 365)),
                    isDemoSchool && t == 0 ? "13800000004" : null);
                user.SubjectsText = Subjects.Join(PickSubjects(school.Stage));
                // A few retired or departed teachers per school, kept for history but out of the denominators.
                if (t > 0 && _random.NextDouble() < 0.03)
                {
                    user.Employment = _random.NextDouble() < 0.5 ? EmploymentStatus.Retired : EmploymentStatus.Departed;
                }
                users.Add(user);
            }
            // Pending self-registrations waiting for the school admin.
            var pending = isDemoSchool ? 3 : (i % 4 == 0 ? 1 : 0);
            for (var p = 0; p < pending; p++)
            {
                var user = NewUser(null, RandomName(), school, AdminLevel.Teacher, Capability.None, now.AddHours(-_random.Next(1, 72)));
                user.Status = AccountStatus.Pending;
                user.SubjectsText = Subjects.Join(PickSubjects(school.Stage));
                users.Add(user);
            }
        }

        var passwordHash = hashDemoPassword();
        foreach (var user in users)
        {
            user.PasswordHash = passwordHash;
        }
        AddApprovalHistory(users);
        // One SaveChanges, so a failure leaves an empty database that the next start seeds again.
        // Users reach their units through the navigation; EF orders the inserts.
        db.OrgUnits.Add(city);
        db.Users.AddRange(users);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>A year of history for the audit log: each seeded teacher's registration, approved by the school's admin.</summary>
    private void AddApprovalHistory(List<ApplicationUser> users)
    {
        var adminsBySchool = users.Where(u => u.Level == AdminLevel.School && u.OrgUnit!.Kind == OrgUnitKind.School)
            .GroupBy(u => u.OrgUnit!).ToDictionary(g => g.Key, g => g.First());
        foreach (var teacher in users.Where(u => u.Level == AdminLevel.Teacher && u.Status == AccountStatus.Active))
        {
            if (!adminsBySchool.TryGetValue(teacher.OrgUnit!, out var admin))
            {
                continue;
            }
            var school = teacher.OrgUnit!;
            var approvedAt = teacher.RegisteredAt.AddHours(_random.Next(1, 48));
            if (approvedAt > clock.GetUtcNow())
            {
                approvedAt = clock.GetUtcNow();
            }
            teacher.ReviewedById = admin.Id;
            teacher.ReviewedAt = approvedAt;
            db.AuditEntries.Add(Domain.Auditing.AuditEntry.Create(teacher.RegisteredAt, teacher.Id, teacher.RealName,
                Domain.Auditing.AuditActions.AccountRegistered, "Account", teacher.Id, school.Path,
                $"{teacher.RealName}申请注册为{school.Name}教师", null, null));
            db.AuditEntries.Add(Domain.Auditing.AuditEntry.Create(approvedAt, admin.Id, admin.RealName,
                Domain.Auditing.AuditActions.AccountApproved, "Account", teacher.Id, school.Path,
                $"通过{school.Name}{teacher.RealName}的注册申请", "{\"状态\":\"待审核\"}", "{\"状态\":\"正常\"}"));
        }
    }

    private static SchoolStage PickStage(int index) => (index % 15) switch
    {
        0 => SchoolStage.Senior,
        1 => SchoolStage.Junior,
        2 => SchoolStage.Primary,
        3 => SchoolStage.NineYear,
        4 => SchoolStage.Complete,
        5 or 6 => SchoolStage.Junior,
        _ => SchoolStage.Primary,
    };

    private static string UrbanSchoolName(string county, SchoolStage stage, int index) => stage switch
    {
        SchoolStage.Senior => $"{county}{Ordinals[index % 10]}高级中学",
        SchoolStage.Junior => $"{county}{Ordinals[index % 10]}初级中学",
        SchoolStage.NineYear => $"{county}实验学校",
        SchoolStage.Complete => $"{county}{Ordinals[index % 10]}中学",
        _ => $"{county}{Ordinals[index % 10]}小学",
    };

    private void AddClasses(OrgUnit school)
    {
        foreach (var grade in school.Stage.Grades())
        {
            var perGrade = SchoolStages.StageOfGrade(grade) switch
            {
                SchoolStage.Primary => _random.Next(1, 4),
                SchoolStage.Junior => _random.Next(2, 6),
                _ => _random.Next(3, 7),
            };
            for (var n = 1; n <= perGrade; n++)
            {
                school.AddClass(grade, n);
            }
        }
    }

    private List<string> PickSubjects(SchoolStage stage)
    {
        string[] pool = stage.HasFlag(SchoolStage.Senior) || stage.HasFlag(SchoolStage.Junior)
            ? ["语文", "数学", "英语", "物理", "化学", "生物", "信息技术", "历史", "地理", "道德与法治", "体育与健康", "音乐", "美术"]
            : ["语文", "数学", "英语", "科学", "信息技术", "道德与法治", "体育与健康", "音乐", "美术"];
        if (stage.HasFlag(SchoolStage.Senior))
        {
            pool = [.. pool, "通用技术", "思想政治"];
        }
        var first = pool[_random.Next(pool.Length)];
        return _random.NextDouble() < 0.2 ? [first, pool[_random.Next(pool.Length)]] : [first];
    }

    private string RandomName()
    {
        var surname = Surnames[_random.Next(Surnames.Length)];
        var given = GivenChars[_random.Next(GivenChars.Length)];
        return _random.NextDouble() < 0.6 ? surname + given + GivenChars[_random.Next(GivenChars.Length)] : surname + given;
    }

    private ApplicationUser NewUser(string? userName, string realName, OrgUnit org, AdminLevel level, Capability capabilities,
        DateTimeOffset registeredAt, string? phone = null)
    {
        _userSequence++;
        phone ??= $"139{_phoneSequence++:D8}";
        userName ??= $"u{_userSequence:D6}";
        return new ApplicationUser
        {
            Id = $"demo-{_userSequence:D6}",
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            PhoneNumber = phone,
            PhoneNumberConfirmed = true,
            RealName = realName,
            OrgUnit = org,
            Level = level,
            Status = AccountStatus.Active,
            Employment = EmploymentStatus.Serving,
            Capabilities = capabilities,
            RegisteredAt = registeredAt,
            SecurityStamp = $"demo-stamp-{_userSequence:D6}",
            ConcurrencyStamp = $"demo-concurrency-{_userSequence:D6}",
            LockoutEnabled = true,
        };
    }
}
