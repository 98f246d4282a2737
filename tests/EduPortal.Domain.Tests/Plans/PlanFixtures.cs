using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;

namespace EduPortal.Domain.Tests.Plans;

internal static class PlanFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
    public static readonly PlanUnit CityUnit = new(1, "云溪市教育局", "/1/", OrgUnitKind.City);
    public static readonly PlanUnit CountyUnit = new(2, "东溪区教育局", "/1/1/", OrgUnitKind.County);
    public static readonly PlanUnit OtherCountyUnit = new(5, "西岭县教育局", "/1/2/", OrgUnitKind.County);
    public static readonly PlanUnit SchoolA = new(30, "东溪区第一初级中学", "/1/1/3/", OrgUnitKind.School);
    public static readonly PlanUnit SchoolB = new(31, "东溪区第二初级中学", "/1/1/4/", OrgUnitKind.School);
    public static readonly PlanUnit OtherCountySchool = new(50, "西岭县第一中学", "/1/2/1/", OrgUnitKind.School);

    public static readonly Caller City = new("m1", "市管理员", AdminLevel.City, 1, CityUnit.Name, "/1/", OrgUnitKind.City, Capability.None);
    public static readonly Caller County = new("c1", "县管理员", AdminLevel.County, 2, CountyUnit.Name, "/1/1/", OrgUnitKind.County, Capability.None);
    public static readonly Caller OtherCounty = new("c2", "外县管理员", AdminLevel.County, 5, OtherCountyUnit.Name, "/1/2/", OrgUnitKind.County, Capability.None);
    public static readonly Caller SchoolAdminA = new("s1", "校管理员", AdminLevel.School, 30, SchoolA.Name, "/1/1/3/", OrgUnitKind.School, Capability.None);
    public static readonly Caller SchoolAdminB = new("s2", "邻校管理员", AdminLevel.School, 31, SchoolB.Name, "/1/1/4/", OrgUnitKind.School, Capability.None);
    public static readonly Caller TeacherA = new("t1", "教师", AdminLevel.Teacher, 30, SchoolA.Name, "/1/1/3/", OrgUnitKind.School, Capability.None);

    public static Plan CountyPlan() =>
        Plan.Create(County, CountyUnit, "东溪区教育信息化试点工作方案", new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), "东教〔2026〕3号", Now).Value!;

    public static PlanTask CountyTask(Plan plan, DateOnly due) =>
        PlanTask.Create(plan, County, CountyUnit, "开展专任教师网络教研空间实名注册", "", new DateOnly(2026, 3, 1), due, "电教馆 王老师", "局教育督导室").Value!;

    public static PlanTask SchoolTask(Plan plan, DateOnly due) =>
        PlanTask.Create(plan, County, SchoolA, "完成各教室网络布线", "", new DateOnly(2026, 3, 1), due, null, "局教育督导室").Value!;
}
