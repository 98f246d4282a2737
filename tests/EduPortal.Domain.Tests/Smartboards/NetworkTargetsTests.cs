using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;

namespace EduPortal.Domain.Tests.Smartboards;

public sealed class NetworkTargetsTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData(99, false)]
    [InlineData(100, true)]
    [InlineData(1000, true)]
    public void Bandwidth_must_reach_100_Mbps_circular_002(int? mbps, bool meets) =>
        Assert.Equal(meets, NetworkTargets.MeetsBandwidth(mbps));

    [Fact]
    public void Central_schools_need_fibre_and_every_primary_school_broadband_circular_004()
    {
        Assert.Equal(NetworkAccess.Fibre, NetworkTargets.RequiredAccessMissing(SchoolTier.CentralOrAbove, true, NetworkAccess.Broadband));
        Assert.Null(NetworkTargets.RequiredAccessMissing(SchoolTier.CentralOrAbove, false, NetworkAccess.Fibre));
        Assert.Equal(NetworkAccess.Broadband, NetworkTargets.RequiredAccessMissing(SchoolTier.Village, true, NetworkAccess.None));
        Assert.Null(NetworkTargets.RequiredAccessMissing(SchoolTier.Village, true, NetworkAccess.Broadband));
        Assert.Null(NetworkTargets.RequiredAccessMissing(SchoolTier.Village, false, NetworkAccess.None));
    }

    [Fact]
    public void A_primary_school_under_a_township_without_zhongxin_in_its_name_is_a_village_school()
    {
        Assert.Equal(SchoolTier.Village, SchoolTiers.Default(SchoolStage.Primary, "石桥村小学", underTownship: true));
        Assert.Equal(SchoolTier.CentralOrAbove, SchoolTiers.Default(SchoolStage.Primary, "石桥镇中心小学", underTownship: true));
        Assert.Equal(SchoolTier.CentralOrAbove, SchoolTiers.Default(SchoolStage.Junior, "石桥初级中学", underTownship: true));
        Assert.Equal(SchoolTier.CentralOrAbove, SchoolTiers.Default(SchoolStage.Primary, "实验小学", underTownship: false));
    }
}
