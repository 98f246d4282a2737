using EduPortal.Domain.Accounts;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;
using Microsoft.Extensions.Time.Testing;

namespace EduPortal.Domain.Tests.LabRecords;

/// <summary>
/// The callers and records of the lab workflow (one school, its colleague and admins, the neighbours). Compiled into
/// the web tests too (a linked file), which run the same records through the jurisdiction filters.
/// </summary>
public sealed class LabRecordScenario
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    public static readonly Caller Teacher = new("t1", "王老师", AdminLevel.Teacher, 10, "一中", "/1/1/1/", OrgUnitKind.School, Capability.None);
    public static readonly Caller Colleague = Teacher with { UserId = "t2", RealName = "李老师" };
    public static readonly Caller SchoolAdmin = new("s1", "赵校管", AdminLevel.School, 10, "一中", "/1/1/1/", OrgUnitKind.School, Capability.None);
    public static readonly Caller OtherSchoolAdmin = new("s2", "钱校管", AdminLevel.School, 11, "二中", "/1/1/2/", OrgUnitKind.School, Capability.None);
    public static readonly Caller CountyAdmin = new("c1", "孙县管", AdminLevel.County, 2, "东溪区", "/1/1/", OrgUnitKind.County, Capability.None);
    public static readonly Caller OtherCountyAdmin = new("c2", "周县管", AdminLevel.County, 3, "西岭县", "/1/2/", OrgUnitKind.County, Capability.None);
    public static readonly Caller CityAdmin = new("m1", "吴市管", AdminLevel.City, 1, "云溪市", "/1/", OrgUnitKind.City, Capability.None);

    public static readonly LabRecordDetails Complete = new(LabSubject.Physics, LabKind.GroupExperiment, 5, "探究平面镜成像的特点", 3, "八年级2班", 8,
        new DateOnly(2026, 11, 20), 3, null);

    public LabRecord Draft(bool withPhotos = true)
    {
        var record = LabRecord.StartDraft(Teacher, 2, teacherHasUnpublished: false, Clock).Value!;
        Assert.True(record.UpdateDetails(Teacher, Complete, Clock).Succeeded);
        if (withPhotos)
        {
            foreach (var slot in LabMediaSlots.Required)
            {
                Assert.True(record.AttachMedia(Teacher, slot, $"lab-photos/2026/11/{(int)slot:00000000000000000000000000000000}.jpg", null, "image/jpeg", 1000, null, Clock).Succeeded);
            }
        }
        return record;
    }

    public LabRecord Published()
    {
        var record = Draft();
        Assert.True(record.Publish(Teacher, Clock).Succeeded);
        return record;
    }

    public LabRecord Reported()
    {
        var record = Published();
        Assert.True(record.Report(Colleague, "照片与实验内容不符", Clock).Succeeded);
        return record;
    }
}
