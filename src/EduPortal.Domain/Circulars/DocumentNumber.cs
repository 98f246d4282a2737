using System.Globalization;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Circulars;

/// <summary>
/// The official document number (发文字号): prefix + 〔year〕 + number + 号, e.g. 渭市电教发〔2018〕9号 (circular 000) or
/// 东电教发〔2026〕3号. Numbers run per issuing unit and year without gaps or repeats; see <see cref="CircularNumberCounter"/>.
/// </summary>
public static class DocumentNumber
{
    public const int MaxPrefixLength = 20;

    public static string Format(string prefix, int year, int number) =>
        $"{prefix}〔{year.ToString(CultureInfo.InvariantCulture)}〕{number.ToString(CultureInfo.InvariantCulture)}号";

    /// <summary>
    /// A default prefix from the unit's name: its first character, 市 for a city, then 教发 (云溪市教育局 → 云市教发,
    /// 东溪区教育局 → 东教发). Editors may change it on the draft.
    /// </summary>
    public static string DefaultPrefix(string unitName, OrgUnitKind kind)
    {
        var first = string.IsNullOrWhiteSpace(unitName) ? "" : unitName.Trim()[..1];
        return kind == OrgUnitKind.City ? $"{first}市教发" : $"{first}教发";
    }

    /// <summary>A prefix is 1–20 characters with no brackets or digits (those belong to the year and number).</summary>
    public static bool IsValidPrefix(string? prefix) =>
        !string.IsNullOrWhiteSpace(prefix) && prefix.Trim().Length <= MaxPrefixLength
        && !prefix.Any(c => c is '〔' or '〕' or '[' or ']' or '(' or ')' or '（' or '）' || char.IsDigit(c) || char.IsWhiteSpace(c));
}
