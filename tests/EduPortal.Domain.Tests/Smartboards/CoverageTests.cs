using EduPortal.Domain.Smartboards;

namespace EduPortal.Domain.Tests.Smartboards;

public sealed class CoverageTests
{
    [Fact]
    public void The_circular_003_figure_is_82_9_percent()
    {
        // 1650 classes equipped, 82.9% of the city's classes: about 1990 classes in all.
        var figure = new CoverageFigure(1990, 1650);
        Assert.Equal(0.829, Math.Round(figure.Rate, 3));
        Assert.False(figure.MeetsTarget);
    }

    [Fact]
    public void Figures_add_up_and_a_unit_without_classes_is_covered()
    {
        var sum = new CoverageFigure(10, 9) + new CoverageFigure(5, 5);
        Assert.Equal(new CoverageFigure(15, 14), sum);
        Assert.Equal(1d, new CoverageFigure(0, 0).Rate);
        Assert.True(new CoverageFigure(3, 3).MeetsTarget);
    }

    [Theory]
    [InlineData(DeviceType.InteractiveDisplay, DeviceStatus.InUse, true)]
    [InlineData(DeviceType.Whiteboard, DeviceStatus.UnderRepair, true)]
    [InlineData(DeviceType.Whiteboard, DeviceStatus.Idle, false)]
    [InlineData(DeviceType.InteractiveDisplay, DeviceStatus.Scrapped, false)]
    [InlineData(DeviceType.Projector, DeviceStatus.InUse, false)]
    [InlineData(DeviceType.Computer, DeviceStatus.InUse, false)]
    public void Only_installed_interactive_equipment_counts(DeviceType type, DeviceStatus status, bool counts) =>
        Assert.Equal(counts, CoverageRule.Counts(type, status));
}
