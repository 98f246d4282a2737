using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Tests.LabRecords;
using static EduPortal.Domain.Tests.LabRecords.LabRecordScenario;

namespace EduPortal.Web.Tests.LabRecords;

/// <summary>
/// Who may open a record (circular 000 §三.2–3), stated once in <see cref="LabRecordJurisdiction.VisibleTo"/>: the
/// records of the workflow, state by state, through that filter.
/// </summary>
public sealed class LabRecordVisibilityTests
{
    private readonly LabRecordScenario _scenario = new();

    private static bool Visible(LabRecord record, Caller caller) => new[] { record }.AsQueryable().VisibleTo(caller).Any();

    private LabRecord Draft() => _scenario.Draft();

    private LabRecord Published() => _scenario.Published();

    private LabRecord Reported() => _scenario.Reported();

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
        Assert.True(record.Return(SchoolAdmin, "照片不清楚", _scenario.Clock).Succeeded);
        Assert.True(Visible(record, Teacher));
        Assert.False(Visible(record, Colleague));
    }
}
