using System.Text.RegularExpressions;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Circulars;

/// <summary>
/// A circular's contact phone line: one or more numbers separated by spaces or 、 (circular 000: "联系电话：2663755 13759693597"),
/// each a mobile number, an area-code landline, or a 7–8 digit local landline.
/// </summary>
public static partial class ContactPhones
{
    public const int MaxLength = 60;

    public static bool IsValid(string? text)
    {
        var parts = Split(text);
        return parts.Count > 0 && (text ?? "").Trim().Length <= MaxLength
            && parts.All(p => PhoneNumbers.IsMainlandPhone(p) || LocalLandline().IsMatch(p));
    }

    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split([' ', '、', ',', '，', ';', '；', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^\d{7,8}$")]
    private static partial Regex LocalLandline();
}
