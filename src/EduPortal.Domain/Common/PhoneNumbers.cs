using System.Text.RegularExpressions;

namespace EduPortal.Domain.Common;

public static partial class PhoneNumbers
{
    /// <summary>A mainland China mobile number: 11 digits starting 13–19.</summary>
    public static bool IsMainlandMobile(string? value) => value is not null && MobilePattern().IsMatch(value);

    /// <summary>An area-code landline such as 0913-2663755 or 02912345678.</summary>
    public static bool IsLandline(string? value) => value is not null && LandlinePattern().IsMatch(value);

    public static bool IsMainlandPhone(string? value) => IsMainlandMobile(value) || IsLandline(value);

    /// <summary>Strips spaces and dashes users type inside mobile numbers.</summary>
    public static string Normalize(string? value) =>
        (value ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("+86", "", StringComparison.Ordinal);

    public const string MobileMessage = "请输入有效的 11 位手机号码";

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}$")]
    private static partial Regex LandlinePattern();
}
