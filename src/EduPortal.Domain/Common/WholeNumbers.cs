using System.Globalization;

namespace EduPortal.Domain.Common;

/// <summary>
/// What a user types into a count field (学生数, 班数, 教师人数…), read strictly: digits only, so "2abc" is
/// refused instead of becoming 2, and a blank is a blank, never 0.
/// </summary>
public static class WholeNumbers
{
    public const string NotANumberMessage = "只能填写整数";

    /// <summary>
    /// Reads <paramref name="text"/>: blank gives true with null; an optional minus sign and digits (full-width
    /// digits from a Chinese input method too, surrounding spaces ignored) give true with the number;
    /// anything else, or a number too large for an int, gives false.
    /// </summary>
    public static bool TryParse(string? text, out int? value)
    {
        value = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return true;
        }
        var ascii = new string(trimmed.Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c is '－' ? '-' : c).ToArray());
        var digits = ascii.StartsWith('-') ? ascii[1..] : ascii;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)
            || !int.TryParse(ascii, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        value = number;
        return true;
    }

    /// <summary>The text a count field shows for <paramref name="value"/> (no grouping, so it reads back exactly).</summary>
    public static string ToInput(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
