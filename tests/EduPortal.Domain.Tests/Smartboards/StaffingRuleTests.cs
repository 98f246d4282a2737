using EduPortal.Domain.Smartboards;

namespace EduPortal.Domain.Tests.Smartboards;

public sealed class StaffingRuleTests
{
    [Theory]
    // Circular 004: a central school or above needs one, +1 per further 12 classes.
    [InlineData(0, 1)]
    [InlineData(11, 1)]
    [InlineData(12, 1)]
    [InlineData(23, 1)]
    [InlineData(24, 2)]
    [InlineData(35, 2)]
    [InlineData(36, 3)]
    public void A_central_school_needs_one_plus_one_per_further_twelve_classes(int classes, int required)
    {
        Assert.Equal(required, StaffingRule.RequiredFullTime(classes, SchoolTier.CentralOrAbove));
    }

    [Theory]
    // Circular 003 alone: 12 classes or more need a full-time admin; a village school is not bound by 004's ratio.
    [InlineData(11, 0)]
    [InlineData(12, 1)]
    [InlineData(23, 1)]
    [InlineData(24, 1)]
    [InlineData(36, 1)]
    public void A_village_school_needs_a_full_time_admin_from_twelve_classes(int classes, int required)
    {
        Assert.Equal(required, StaffingRule.RequiredFullTime(classes, SchoolTier.Village));
    }

    [Fact]
    public void The_shortfall_counts_missing_full_time_technicians()
    {
        Assert.Equal(2, StaffingRule.Shortfall(36, SchoolTier.CentralOrAbove, 1));
        Assert.Equal(0, StaffingRule.Shortfall(36, SchoolTier.CentralOrAbove, 4));
        Assert.Equal(0, StaffingRule.Shortfall(11, SchoolTier.Village, 0));
        Assert.Equal(1, StaffingRule.Shortfall(12, SchoolTier.Village, 0));
    }
}
