using System.Globalization;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Tests.Common;

/// <summary>One date format in tables (2026-11-30) and prose (2026年11月30日); counts grouped the same way everywhere.</summary>
public sealed class FormatTests
{
    [Fact]
    public void Dates_read_2026_11_30_in_tables_and_2026年11月30日_in_prose_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            Assert.Equal("2026-11-30", ChinaTime.FormatDate(new DateOnly(2026, 11, 30)));
            Assert.Equal("2027-01-02", ChinaTime.FormatDate(new DateOnly(2027, 1, 2)));
            Assert.Equal("2026年11月30日", ChinaTime.FormatDateLong(new DateOnly(2026, 11, 30)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("zh-CN")]
    public void Counts_are_grouped_with_commas_on_any_server_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal("1,234,567", NumberFormat.Count(1_234_567));
            Assert.Equal("0", NumberFormat.Count(0));
            Assert.Equal("1,234.50", NumberFormat.Decimal(1234.5));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
