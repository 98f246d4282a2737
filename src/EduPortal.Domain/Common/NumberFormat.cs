using System.Globalization;

namespace EduPortal.Domain.Common;

/// <summary>
/// Numbers as every page, export and message shows them: thousands grouped with a comma (1,200), the same on
/// any server whatever its culture.
/// </summary>
public static class NumberFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>A count: 1,200.</summary>
    public static string Count(int value) => value.ToString("N0", Culture);

    /// <summary>A count: 1,200.</summary>
    public static string Count(long value) => value.ToString("N0", Culture);

    /// <summary>A figure with <paramref name="decimals"/> decimals: 1,234.50.</summary>
    public static string Decimal(double value, int decimals = 2) => value.ToString("N" + decimals.ToString(Culture), Culture);

    /// <summary>A figure with <paramref name="decimals"/> decimals: 1,234.50.</summary>
    public static string Decimal(decimal value, int decimals = 2) => value.ToString("N" + decimals.ToString(Culture), Culture);
}
