using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;
using Microsoft.Extensions.Time.Testing;

namespace EduPortal.Web.Tests.LabRecords;

/// <summary>
/// Who may open a record (circular 000 §三.2–3), stated once in <see cref="LabRecordJurisdiction.VisibleTo"/>: the
/// records of the workflow, state by state, through that filter.
/// </summary>
public sealed class LabRecordVisibilityTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    private static readonly Caller Teacher = new("t1", "王老师", AdminLevel.Teacher, 10, "一中", "/1/1/1/", OrgUnitKind.School, Capability.None);
    private static readonly Caller Colleague = Teacher with { UserId = "t2", RealName = "李老师" };
    private static readonly Caller SchoolAdmin = new("s1", "赵校管", AdminLevel.School, 10, "一中", "/1/1/1/", OrgUnitKind.School, Capability.None);
    private static readonly Caller OtherSchoolAdmin = new("s2", "钱校管", AdminLevel.School, 11, "二中", "/1/1/2/", OrgUnitKind.School, Capability.None);
    private static readonly Caller CountyAdmin = new("c1", "孙县管", AdminLevel.County, 2, "东溪区", "/1/1/", OrgUnitKind.County, Capability.None);
    private static readonly Caller OtherCountyAdmin = new("c2", "周县管", AdminLevel.County, 3, "西岭县", "/1/2/", OrgUnitKind.County, Capability.None);

    private static readonly LabRecordDetails Complete = new(LabSubject.Physics, LabKind.GroupExperiment, 5, "探究平面镜成像的特点", 3, "八年级2班", 8,
        new DateOnly(2026, 11, 20), 3, null);

    private static bool Visible(LabRecord record, Caller caller) => new[] { record }.AsQueryable().VisibleTo(caller).Any();

    private LabRecord Draft()
    {
        var record = LabRecord.StartDraft(Teacher, 2, teacherHasUnpublished: false, _clock).Value!;
        Assert.True(record.UpdateDetails(Teacher, Complete, _clock).Succeeded);
        foreach (var slot in LabMediaSlots.Required)
        {
            Assert.True(record.AttachMedia(Teacher, slot, $"lab-photos/2026/11/{(int)slot:00000000000000000000000000000000}.jpg", null, "image/jpeg", 1000, null, _clock).Succeeded);
        }
        return record;
    }

    private LabRecord Published()
    {
        var record = Draft();
        Assert.True(record.Publish(Teacher, _clock).Succeeded);
        return record;
    }

    private LabRecord Reported()
    {
        var record = Published();
        Assert.True(record.Report(Colleague, "照片与实验内容不符", _clock).Succeeded);
        return record;
    }

    [Fact]
    public void A_draft_is_seen_only_by_its_teacher()
    {
        var record = Draft();
        Assert.True(Visible(record, Teacher));
        Assert.False(Visible(record, Colleague));
        Assert.False(Visible(record, SchoolAdmin));
    }

    [Fact]
    public void A_published_record_is_seen_by_everyone()
    {
        Assert.True(Visible(Published(), Colleague));
    }

    [Fact]
    public void A_reported_record_is_seen_by_its_teacher_and_the_admins_over_its_school_only()
    {
        var record = Reported();
        Assert.True(Visible(record, Teacher));
        Assert.True(Visible(record, SchoolAdmin));
        Assert.True(Visible(record, CountyAdmin));
        Assert.False(Visible(record, Colleague));
        Assert.False(Visible(record, OtherSchoolAdmin));
        Assert.False(Visible(record, OtherCountyAdmin));
    }

    [Fact]
    public void A_returned_record_is_seen_only_by_its_teacher_and_its_reviewers()
    {
        var record = Reported();
        Assert.True(record.Return(SchoolAdmin, "照片不清楚", _clock).Succeeded);
        Assert.True(Visible(record, Teacher));
        Assert.False(Visible(record, Colleague));
    }
}
