using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Tests.Organization;

public sealed class OrgUnitTests
{
    private static OrgUnit County() => OrgUnit.CreateCity("云溪市教育局").AddChild(OrgUnitKind.County, "东溪区教育局").Value!;

    [Fact]
    public void Children_get_paths_under_their_parent_so_the_subtree_is_a_prefix()
    {
        var city = OrgUnit.CreateCity("云溪市教育局");
        var county = city.AddChild(OrgUnitKind.County, "东溪区教育局").Value!;
        var other = city.AddChild(OrgUnitKind.County, "西岭县教育局").Value!;
        var town = county.AddChild(OrgUnitKind.Township, "桃源镇中心校").Value!;
        var school = town.AddChild(OrgUnitKind.School, "桃源镇中心小学", SchoolStage.Primary).Value!;

        Assert.Equal("/1/1/1/1/", school.Path);
        Assert.True(county.Contains(school));
        Assert.False(other.Contains(school));
        Assert.Equal(["/1/", "/1/1/", "/1/1/1/", "/1/1/1/1/"], OrgUnit.AncestorPaths(school.Path));
    }

    [Fact]
    public void Sibling_paths_never_prefix_each_other()
    {
        var city = OrgUnit.CreateCity("市");
        OrgUnit first = null!;
        OrgUnit eleventh = null!;
        for (var i = 1; i <= 11; i++)
        {
            var county = city.AddChild(OrgUnitKind.County, $"县{i}").Value!;
            if (i == 1)
            {
                first = county;
            }

            if (i == 11)
            {
                eleventh = county;
            }
        }
        Assert.False(first.Contains(eleventh)); // "/1/1/" is not a prefix of "/1/11/"
    }

    [Theory]
    [InlineData(OrgUnitKind.City, OrgUnitKind.School)]
    [InlineData(OrgUnitKind.City, OrgUnitKind.Township)]
    [InlineData(OrgUnitKind.County, OrgUnitKind.County)]
    [InlineData(OrgUnitKind.Township, OrgUnitKind.County)]
    public void The_tree_keeps_its_shape(OrgUnitKind parentKind, OrgUnitKind childKind)
    {
        var city = OrgUnit.CreateCity("市");
        var parent = parentKind switch
        {
            OrgUnitKind.City => city,
            OrgUnitKind.County => city.AddChild(OrgUnitKind.County, "县").Value!,
            _ => city.AddChild(OrgUnitKind.County, "县").Value!.AddChild(OrgUnitKind.Township, "镇").Value!,
        };
        var result = parent.AddChild(childKind, "新单位", SchoolStage.Primary);
        Assert.IsType<ForbiddenError>(result.Error);
    }

    [Fact]
    public void A_school_needs_a_name_and_a_stage()
    {
        var result = County().AddChild(OrgUnitKind.School, "  ", SchoolStage.None);
        var error = Assert.IsType<ValidationError>(result.Error);
        Assert.Contains("Name", error.Fields.Keys);
        Assert.Contains("Stage", error.Fields.Keys);
    }

    [Fact]
    public void Classes_are_named_by_grade_and_number()
    {
        var school = County().AddChild(OrgUnitKind.School, "实验学校", SchoolStage.NineYear).Value!;
        Assert.Equal("七年级3班", school.AddClass(7, 3).Value!.DisplayName);
        Assert.Equal("一年级1班", school.AddClass(1, 1).Value!.DisplayName);
        Assert.Equal("高二5班", SchoolClass.FormatName(11, 5));
    }

    [Fact]
    public void A_grade_outside_the_school_stage_is_refused()
    {
        var primary = County().AddChild(OrgUnitKind.School, "小学", SchoolStage.Primary).Value!;
        var error = Assert.IsType<ValidationError>(primary.AddClass(7, 1).Error);
        Assert.Equal("小学没有七年级", error.Fields["Grade"]);
    }

    [Fact]
    public void A_class_cannot_be_added_twice()
    {
        var school = County().AddChild(OrgUnitKind.School, "初中", SchoolStage.Junior).Value!;
        school.AddClass(8, 2);
        Assert.IsType<ValidationError>(school.AddClass(8, 2).Error);
        Assert.Single(school.Classes);
    }

    [Fact]
    public void Changing_the_stage_is_refused_while_classes_of_the_old_stage_exist_and_nothing_changes()
    {
        var school = County().AddChild(OrgUnitKind.School, "完中", SchoolStage.Complete).Value!;
        school.AddClass(10, 1);
        var result = school.UpdateDetails("完中", SchoolStage.Junior, 100, null, null);
        Assert.IsType<ValidationError>(result.Error);
        Assert.Equal(SchoolStage.Complete, school.Stage);
        Assert.Equal(0, school.StudentCount);
    }

    [Theory]
    [InlineData("0913-2663755", true)]
    [InlineData("13759693597", true)]
    [InlineData("2663755", false)]
    [InlineData("电话", false)]
    public void A_unit_phone_is_a_mobile_or_an_area_code_landline(string phone, bool valid)
    {
        var school = County().AddChild(OrgUnitKind.School, "学校", SchoolStage.Primary).Value!;
        Assert.Equal(valid, school.UpdateDetails("学校", SchoolStage.Primary, 10, phone, null).Succeeded);
    }

    [Theory]
    [InlineData(SchoolStage.Primary, new[] { 1, 2, 3, 4, 5, 6 })]
    [InlineData(SchoolStage.Junior, new[] { 7, 8, 9 })]
    [InlineData(SchoolStage.NineYear, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(SchoolStage.Complete, new[] { 7, 8, 9, 10, 11, 12 })]
    public void Combined_stages_are_unions_of_grades(SchoolStage stage, int[] grades)
    {
        Assert.Equal(grades, stage.Grades());
    }
}
