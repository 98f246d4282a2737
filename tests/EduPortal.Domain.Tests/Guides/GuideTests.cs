using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Guides;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Tests.Guides;

public sealed class GuideTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly Caller CityEditor = new("m1", "市编辑", AdminLevel.City, 1, "云溪市教育局", "/1/", OrgUnitKind.City, Capability.BureauEditor);
    private static readonly Caller CityAdmin = new("m2", "市管理员", AdminLevel.City, 1, "云溪市教育局", "/1/", OrgUnitKind.City, Capability.None);
    private static readonly Caller CountyEditor = new("c1", "县编辑", AdminLevel.County, 2, "东溪区教育局", "/1/2/", OrgUnitKind.County, Capability.BureauEditor);

    private static Guide Sample() => Guide.Create("labs.record", "记录实验课", GuideAudience.Teacher, "## 步骤", 10, Now, "系统");

    [Fact]
    public void Only_the_citys_bureau_editors_edit_the_portals_one_guide_set()
    {
        var guide = Sample();
        Assert.IsType<ForbiddenError>(guide.Edit(CityAdmin, "标题", GuideAudience.Teacher, "内容", Now).Error);
        Assert.IsType<ForbiddenError>(guide.Edit(CountyEditor, "标题", GuideAudience.Teacher, "内容", Now).Error);
        Assert.True(guide.Edit(CityEditor, "记录实验课（新版）", GuideAudience.Teacher | GuideAudience.SchoolAdmin, "## 新步骤", Now).Succeeded);
        Assert.Equal("市编辑", guide.UpdatedByName);
        Assert.True(guide.IsFor(AdminLevel.School));
        Assert.False(guide.IsFor(AdminLevel.County));
    }

    [Fact]
    public void A_guide_without_roles_or_text_is_refused_and_kept_as_it_was()
    {
        var guide = Sample();
        var error = Assert.IsType<ValidationError>(guide.Edit(CityEditor, "标题", GuideAudience.None, " ", Now).Error);
        Assert.Equal("请至少选择一个适用角色", error.Fields["Audience"]);
        Assert.Equal("请填写指南内容", error.Fields["Markdown"]);
        Assert.Equal("## 步骤", guide.Markdown);
    }
}
