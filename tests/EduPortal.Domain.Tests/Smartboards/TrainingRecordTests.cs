using EduPortal.Domain.Common;
using EduPortal.Domain.Smartboards;

namespace EduPortal.Domain.Tests.Smartboards;

/// <summary>Training records (circular 003 §三.1; circular 004 (五)1, (六)) and the archive (circular 003 §二.1).</summary>
public sealed class TrainingRecordTests
{
    private readonly SmartboardFixtures _f = new();

    private DateOnly Today => ChinaTime.Today(_f.Clock);

    private TrainingAttendee Own(string id = "t1", string name = "王老师") => new(id, name, 10, _f.School.Name, _f.School.Path);

    private TrainingAttendee Other() => new("t9", "外校老师", 11, _f.OtherSchool.Name, _f.OtherSchool.Path);

    private Result<TrainingRecord> Record(Domain.Accounts.Caller? caller = null, decimal? hours = 4m, DateOnly? heldOn = null,
        IReadOnlyList<TrainingAttendee>? attendees = null, TrainingKind? kind = TrainingKind.AllStaff) =>
        TrainingRecord.Record(caller ?? _f.SchoolAdmin, kind, "一体机操作培训", "东溪一中", heldOn ?? Today, hours, attendees ?? [Own(), Own("t2", "李老师")], _f.Clock);

    private static string Field(Result<TrainingRecord> result, string field) => ((ValidationError)result.Error!).Fields[field];

    [Fact]
    public void A_school_admin_records_a_training_with_each_attendee_getting_its_hours()
    {
        var record = Record().Value!;
        Assert.Equal(2, record.Attendances.Count);
        Assert.All(record.Attendances, a => Assert.Equal(4m, a.Hours));
        Assert.All(record.Attendances, a => Assert.Equal(Today, a.HeldOn));
        Assert.Equal(_f.School.Path, record.OwnerPath);
    }

    [Theory]
    [InlineData(0, "学时必须大于 0")]
    [InlineData(-1, "学时必须大于 0")]
    [InlineData(80.5, "一次培训不能超过 80 学时")]
    [InlineData(2.25, "学时最多保留一位小数")]
    public void Hours_must_be_positive_and_sane(double hours, string message) => Assert.Equal(message, Field(Record(hours: (decimal)hours), "Hours"));

    [Fact]
    public void The_maximum_hours_are_accepted() => Assert.True(Record(hours: TrainingRecord.MaxHours).Succeeded);

    [Fact]
    public void A_training_cannot_be_dated_in_the_future_or_too_far_back()
    {
        Assert.Equal("培训日期不能晚于今天", Field(Record(heldOn: Today.AddDays(1)), "HeldOn"));
        Assert.Contains("天以内", Field(Record(heldOn: Today.AddDays(-TrainingRecord.MaxBackdateDays - 1)), "HeldOn"));
        Assert.True(Record(heldOn: Today.AddDays(-TrainingRecord.MaxBackdateDays)).Succeeded);
    }

    [Fact]
    public void A_school_cannot_record_another_schools_teacher_but_the_county_can()
    {
        Assert.Contains("不在您的管辖范围内", Field(Record(attendees: [Own(), Other()]), "Attendees"));
        var countyRun = Record(_f.CountyAdmin, attendees: [Own(), Other()]).Value!;
        Assert.Equal(2, countyRun.Attendances.Count);
        Assert.Contains("不在您的管辖范围内", Field(Record(_f.OtherCountyAdmin, attendees: [Own()]), "Attendees"));
    }

    [Fact]
    public void Attendees_are_required_and_unique_and_a_kind_is_required()
    {
        Assert.Equal("请选择参训人员", Field(Record(attendees: []), "Attendees"));
        Assert.Equal("参训人员不能重复", Field(Record(attendees: [Own(), Own()]), "Attendees"));
        Assert.Equal("请选择培训类别", Field(Record(kind: null), "Kind"));
    }

    [Fact]
    public void Teachers_may_not_record_trainings() => Assert.IsType<ForbiddenError>(Record(_f.Teacher).Error);

    [Fact]
    public void Permissions_a_school_sees_the_county_training_its_teachers_attended_but_only_the_county_deletes_it()
    {
        var countyRun = Record(_f.CountyAdmin, attendees: [Own(), Other()]).Value!;
        Assert.Equal(new TrainingPermissions(true, false), countyRun.PermissionsFor(_f.SchoolAdmin));
        Assert.Equal(new TrainingPermissions(true, true), countyRun.PermissionsFor(_f.CountyAdmin));
        Assert.Equal(TrainingPermissions.None, countyRun.PermissionsFor(_f.OtherCountyAdmin));
        var schoolRun = Record().Value!;
        Assert.Equal(TrainingPermissions.None, schoolRun.PermissionsFor(_f.OtherSchoolAdmin));
        Assert.Equal(new TrainingPermissions(true, false), schoolRun.PermissionsFor(_f.Teacher));
    }

    [Fact]
    public void The_kinds_are_the_four_of_the_circular() =>
        Assert.Equal(["校长培训", "骨干教师培训", "技术人员培训", "全员培训"], TrainingKinds.All.Select(k => k.DisplayName()));

    [Fact]
    public void A_technical_document_needs_a_file_and_a_research_log_entry_its_text()
    {
        var noFile = ArchiveDocument.File(_f.SchoolAdmin, 10, _f.School.Path, ArchiveKind.TechnicalDocument, "验收单", Today, null, null, null, _f.Clock);
        Assert.Equal("请上传技术资料文件", ((ValidationError)noFile.Error!).Fields["File"]);
        var noText = ArchiveDocument.File(_f.SchoolAdmin, 10, _f.School.Path, ArchiveKind.ResearchLog, "教研", Today, " ", null, null, _f.Clock);
        Assert.Equal("请填写日志内容", ((ValidationError)noText.Error!).Fields["Content"]);
        var doc = ArchiveDocument.File(_f.SchoolAdmin, 10, _f.School.Path, ArchiveKind.TechnicalDocument, "验收单", Today, null, "attachments/x.pdf",
            "C:\\\\scan\\\\验收单.pdf", _f.Clock).Value!;
        Assert.Equal("验收单.pdf", doc.FileName);
    }

    [Fact]
    public void Maintenance_and_training_records_are_not_filed_by_hand_and_entries_are_not_dated_in_the_future()
    {
        var derived = ArchiveDocument.File(_f.SchoolAdmin, 10, _f.School.Path, ArchiveKind.MaintenanceRecord, "维修", Today, "x", null, null, _f.Clock);
        Assert.Contains("自动归档", ((ValidationError)derived.Error!).Fields["Kind"]);
        var future = ArchiveDocument.File(_f.SchoolAdmin, 10, _f.School.Path, ArchiveKind.ResearchLog, "教研", Today.AddDays(1), "x", null, null, _f.Clock);
        Assert.Equal("日期不能晚于今天", ((ValidationError)future.Error!).Fields["EntryDate"]);
    }

    [Fact]
    public void Another_school_cannot_file_into_the_archive_and_teachers_without_the_technician_capability_may_not()
    {
        Assert.IsType<NotFoundError>(ArchiveDocument.File(_f.OtherSchoolAdmin, 10, _f.School.Path, ArchiveKind.ResearchLog, "教研", Today, "x", null, null,
            _f.Clock).Error);
        Assert.IsType<ForbiddenError>(ArchiveDocument.File(_f.Teacher, 10, _f.School.Path, ArchiveKind.ResearchLog, "教研", Today, "x", null, null,
            _f.Clock).Error);
        var tech = _f.Teacher with { Capabilities = Domain.Accounts.Capability.Technician };
        var entry = ArchiveDocument.File(tech, 10, _f.School.Path, ArchiveKind.ResearchLog, "教研", Today, "x", null, null, _f.Clock).Value!;
        Assert.Equal(new ArchiveDocumentPermissions(true, true), entry.PermissionsFor(_f.CountyAdmin));
        Assert.Equal(new ArchiveDocumentPermissions(true, false), entry.PermissionsFor(_f.Teacher));
        Assert.Equal(ArchiveDocumentPermissions.None, entry.PermissionsFor(_f.OtherSchoolAdmin));
    }
}
