using EduPortal.Domain.Common;

namespace EduPortal.Domain.Tests.Common;

public sealed class WholeNumbersTests
{
    [Theory]
    [InlineData("2abc")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("1,200")]
    [InlineData("-")]
    [InlineData("1 2")]
    [InlineData("99999999999")]
    public void Letters_fractions_separators_and_overflow_are_refused(string text)
    {
        Assert.False(WholeNumbers.TryParse(text, out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_blank_is_read_as_no_number_not_zero(string? text)
    {
        Assert.True(WholeNumbers.TryParse(text, out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData(" 1200 ", 1200)]
    [InlineData("-3", -3)]
    [InlineData("１２", 12)]
    public void Digits_are_read_as_the_number(string text, int expected)
    {
        Assert.True(WholeNumbers.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }
}
