using EduPortal.Domain.Common;
using EduPortal.Domain.Smartboards;

namespace EduPortal.Domain.Tests.Smartboards;

public sealed class ClassroomTests
{
    private readonly SmartboardFixtures _f = new();

    [Fact]
    public void A_class_room_is_named_after_its_class_and_its_head_teacher_answers_for_it()
    {
        var room = _f.Room();
        Assert.Equal("七年级1班", room.Name);
        Assert.True(room.IsResponsible(_f.HeadTeacher));
        Assert.False(room.IsResponsible(_f.Teacher));
        Assert.Equal("班主任", room.Kind.ResponsibleTitle());
    }

    [Fact]
    public void An_ordinary_room_needs_a_class_and_a_special_room_a_name()
    {
        var noClass = Classroom.Create(_f.SchoolAdmin, _f.School, 2, "", ClassroomKind.Ordinary, null, null, null, null, _f.Clock);
        Assert.Equal("普通教室须关联一个班级", Assert.IsType<ValidationError>(noClass.Error).Fields[nameof(Classroom.SchoolClassId)]);
        var noName = Classroom.Create(_f.SchoolAdmin, _f.School, 2, " ", ClassroomKind.RecordingStudio, null, null, null, null, _f.Clock);
        Assert.Equal("请填写教室名称", Assert.IsType<ValidationError>(noName.Error).Fields[nameof(Classroom.Name)]);
    }

    [Fact]
    public void Only_the_schools_admin_creates_and_edits_rooms()
    {
        Assert.IsType<ForbiddenError>(Classroom.Create(_f.Teacher, _f.School, 2, "录播室", ClassroomKind.RecordingStudio, null, null, null, null, _f.Clock).Error);
        Assert.IsType<ForbiddenError>(Classroom.Create(_f.CountyAdmin, _f.School, 2, "录播室", ClassroomKind.RecordingStudio, null, null, null, null, _f.Clock).Error);
        var room = _f.Room();
        Assert.IsType<ForbiddenError>(room.Update(_f.HeadTeacher, "x", ClassroomKind.Other, null, null, null, null, _f.Clock).Error);
        Assert.True(room.PermissionsFor(_f.CountyAdmin) is { CanView: true, CanEdit: false });
        Assert.Equal(ClassroomPermissions.None, room.PermissionsFor(_f.OtherSchoolAdmin));
    }
}
