using EduPortal.Domain.Accounts;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Tests.LabRecords;

/// <summary>Who maintains the experiment catalogue and what a valid entry is (circular 000 §二.3).</summary>
public sealed class LabCatalogueRulesTests
{
    private static readonly Caller CityAdmin = new("m1", "吴市管", AdminLevel.City, 1, "云溪市", "/1/", OrgUnitKind.City, Capability.None);
    private static readonly Caller CountyAdmin = new("c1", "孙县管", AdminLevel.County, 2, "东溪区", "/1/1/", OrgUnitKind.County, Capability.None);
    private static readonly Caller SchoolAdmin = new("s1", "赵校管", AdminLevel.School, 10, "一中", "/1/1/1/", OrgUnitKind.School, Capability.None);
    private static readonly Caller Teacher = new("t1", "王老师", AdminLevel.Teacher, 10, "一中", "/1/1/1/", OrgUnitKind.School, Capability.None);

    [Fact]
    public void Only_city_and_county_admins_maintain_the_catalogue()
    {
        Assert.True(LabCatalogueRules.CanMaintain(CityAdmin));
        Assert.True(LabCatalogueRules.CanMaintain(CountyAdmin));
        Assert.False(LabCatalogueRules.CanMaintain(SchoolAdmin));
        Assert.False(LabCatalogueRules.CanMaintain(Teacher));
    }

    [Fact]
    public void An_entry_is_edited_only_by_the_unit_that_maintains_it()
    {
        var cityEntry = new LabExperiment(1, "/1/", LabSubject.Physics, 8, "物8-01", "探究平面镜成像的特点", LabKind.GroupExperiment);
        var countyEntry = new LabExperiment(2, "/1/1/", LabSubject.Physics, 8, "东物8-01", "自制潜望镜", LabKind.GroupExperiment);
        Assert.True(cityEntry.CanBeEditedBy(CityAdmin));
        Assert.False(cityEntry.CanBeEditedBy(CountyAdmin));
        Assert.True(countyEntry.CanBeEditedBy(CountyAdmin));
        Assert.False(countyEntry.CanBeEditedBy(CityAdmin));
        Assert.False(countyEntry.CanBeEditedBy(SchoolAdmin));
    }

    [Fact]
    public void A_valid_entry_passes_and_each_bad_field_is_named()
    {
        Assert.Null(LabCatalogueRules.Validate(new CatalogueEntryInput(LabSubject.Physics, 8, "东物8-01", "自制潜望镜", LabKind.GroupExperiment)));
        var error = LabCatalogueRules.Validate(new CatalogueEntryInput(LabSubject.Chemistry, 7, "", "x", null));
        Assert.NotNull(error);
        Assert.Contains("不开设", error.Fields[nameof(CatalogueEntryInput.Grade)]);
        Assert.Contains("编号", error.Fields[nameof(CatalogueEntryInput.Code)]);
        Assert.Contains("至少 2 个字", error.Fields[nameof(CatalogueEntryInput.Name)]);
        Assert.Contains("实验类型", error.Fields[nameof(CatalogueEntryInput.Kind)]);
        var tooLong = LabCatalogueRules.Validate(new CatalogueEntryInput(LabSubject.Physics, 8, "1", new string('长', LabExperiment.MaxNameLength + 1), LabKind.GroupExperiment));
        Assert.Contains("不能超过", tooLong!.Fields[nameof(CatalogueEntryInput.Name)]);
    }
}
