using System.Globalization;

namespace EduPortal.Domain.Circulars;

/// <summary>How the editor chose the recipients: units one by one plus kinds; resolved to a unit list at publication.</summary>
public sealed record RecipientSelection(IReadOnlyList<int> UnitIds, RecipientKinds Kinds)
{
    public static readonly RecipientSelection Empty = new([], RecipientKinds.None);

    public bool IsEmpty => UnitIds.Count == 0 && Kinds == RecipientKinds.None;

    /// <summary>The unit ids as stored on a draft ("12,15,31").</summary>
    public string UnitIdsText => string.Join(",", UnitIds.Distinct().Order().Select(i => i.ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<int> ParseUnitIds(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().ToList();
}
