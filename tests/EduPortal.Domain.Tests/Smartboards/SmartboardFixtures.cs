using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.Extensions.Time.Testing;

namespace EduPortal.Domain.Tests.Smartboards;

/// <summary>A city with one county (id 2), two schools (ids 10 and 11) and their callers.</summary>
internal sealed class SmartboardFixtures
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    public OrgUnit City { get; }
    public OrgUnit County { get; }
    public OrgUnit School { get; }
    public OrgUnit OtherSchool { get; }
    public SchoolClass Class7_1 { get; }

    public Caller SchoolAdmin { get; }
    public Caller Teacher { get; }
    public Caller HeadTeacher { get; }
    public Caller OtherSchoolAdmin { get; }
    public Caller CountyAdmin { get; }
    public Caller CityAdmin { get; }
    public Caller OtherCountyAdmin { get; }

    public SmartboardFixtures()
    {
        City = OrgUnit.CreateCity("云溪市");
        County = City.AddChild(OrgUnitKind.County, "东溪区").Value!;
        School = County.AddChild(OrgUnitKind.School, "东溪一中", SchoolStage.Junior, 900).Value!;
        OtherSchool = County.AddChild(OrgUnitKind.School, "东溪二中", SchoolStage.Junior, 800).Value!;
        Class7_1 = School.AddClass(7, 1).Value!;
        SetId(County, 2);
        SetId(School, 10);
        SetId(OtherSchool, 11);
        SetId(Class7_1, 71);
        Class7_1.GetType().GetProperty(nameof(SchoolClass.SchoolId))!.SetValue(Class7_1, 10);
        SchoolAdmin = new("s1", "赵校管", AdminLevel.School, 10, School.Name, School.Path, OrgUnitKind.School, Capability.None);
        Teacher = new("t1", "王老师", AdminLevel.Teacher, 10, School.Name, School.Path, OrgUnitKind.School, Capability.None);
        HeadTeacher = Teacher with { UserId = "t2", RealName = "李班主任" };
        OtherSchoolAdmin = new("s2", "钱校管", AdminLevel.School, 11, OtherSchool.Name, OtherSchool.Path, OrgUnitKind.School, Capability.None);
        CountyAdmin = new("c1", "孙县管", AdminLevel.County, 2, County.Name, County.Path, OrgUnitKind.County, Capability.None);
        CityAdmin = new("m1", "吴市管", AdminLevel.City, 1, City.Name, City.Path, OrgUnitKind.City, Capability.None);
        OtherCountyAdmin = new("c2", "周县管", AdminLevel.County, 3, "西岭县", "/1/9/", OrgUnitKind.County, Capability.None);
    }

    public static DeviceDetails Details(string tag = "BBT-001", DeviceType type = DeviceType.InteractiveDisplay) =>
        new(tag, type, "希沃", "MC86", "SN123", FundingSource.WeakSchoolImprovement, new DateOnly(2024, 8, 1), 12800m,
            new DateOnly(2024, 8, 20), new DateOnly(2027, 8, 1), null);

    public Classroom Room() =>
        Classroom.Create(SchoolAdmin, School, 2, "", ClassroomKind.Ordinary, Class7_1, HeadTeacher.UserId, HeadTeacher.RealName, null, Clock).Value!;

    public Device InUse(Classroom room) =>
        Device.Register(SchoolAdmin, 10, School.Path, 2, room, Details(), DeviceStatus.InUse, Clock).Value!;

    public Device Idle() =>
        Device.Register(SchoolAdmin, 10, School.Path, 2, null, Details("BBT-IDLE"), DeviceStatus.Idle, Clock).Value!;

    /// <summary>Unsaved entities have id 0; the rules compare ids, so the fixtures give them the ids a database would.</summary>
    public static void SetId(object entity, int id) =>
        entity.GetType().GetProperty("Id")!.SetValue(entity, id);
}
