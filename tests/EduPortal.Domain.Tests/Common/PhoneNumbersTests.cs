using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Tests.Common;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("13759693597", true)]
    [InlineData("19912345678", true)]
    [InlineData("12759693597", false)] // no 12x mobile prefix
    [InlineData("1375969359", false)]
    [InlineData("137596935970", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Mainland_mobile_numbers_are_11_digits_starting_13_to_19(string? phone, bool valid)
    {
        Assert.Equal(valid, PhoneNumbers.IsMainlandMobile(phone));
    }

    [Fact]
    public void Typed_spaces_and_country_code_are_removed()
    {
        Assert.Equal("13759693597", PhoneNumbers.Normalize(" +86 137 5969 3597 "));
    }

    [Fact]
    public void Subject_lists_accept_common_separators_and_report_unknown_names()
    {
        var (known, unknown) = Subjects.Parse("物理、化学,生物，天文");
        Assert.Equal(["物理", "化学", "生物"], known);
        Assert.Equal(["天文"], unknown);
    }

    [Fact]
    public void China_time_formats_in_Asia_Shanghai_whatever_the_server_zone()
    {
        var instant = new DateTimeOffset(2026, 11, 22, 17, 30, 0, TimeSpan.Zero);
        Assert.Equal("2026-11-23 01:30", ChinaTime.Format(instant));
        Assert.Equal("2026年11月23日", ChinaTime.FormatDateLong(new DateOnly(2026, 11, 23)));
    }
}
