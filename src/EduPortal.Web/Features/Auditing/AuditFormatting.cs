using System.Text.Json;

namespace EduPortal.Web.Features.Auditing;

/// <summary>Turns an audit entry's before/after JSON into the "字段：值" text an admin reads.</summary>
public static class AuditFormatting
{
    public static string Describe(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return "—";
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return Describe(document.RootElement);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>
    /// "字段：旧值 → 新值" for the fields that changed when both sides are objects; otherwise the two
    /// sides described in full.
    /// </summary>
    public static string Change(string? before, string? after)
    {
        if (string.IsNullOrWhiteSpace(before) || string.IsNullOrWhiteSpace(after))
        {
            return before is null ? $"新值：{Describe(after)}" : $"原值：{Describe(before)}";
        }
        try
        {
            using var old = JsonDocument.Parse(before);
            using var now = JsonDocument.Parse(after);
            if (old.RootElement.ValueKind != JsonValueKind.Object || now.RootElement.ValueKind != JsonValueKind.Object)
            {
                return $"{Describe(old.RootElement)} → {Describe(now.RootElement)}";
            }
            var oldFields = old.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Describe(p.Value));
            var changes = now.RootElement.EnumerateObject()
                .Select(p => (p.Name, Old: oldFields.GetValueOrDefault(p.Name, "（空）"), New: Describe(p.Value)))
                .Where(c => c.Old != c.New)
                .Select(c => $"{c.Name}：{c.Old} → {c.New}")
                .ToList();
            return changes.Count == 0 ? "（无变化）" : string.Join("；", changes);
        }
        catch (JsonException)
        {
            return $"{before} → {after}";
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => string.Join("；", element.EnumerateObject().Select(p => $"{p.Name}：{Describe(p.Value)}")),
        JsonValueKind.Array => element.GetArrayLength() <= 5
            ? string.Join("、", element.EnumerateArray().Select(Describe))
            : $"{string.Join("、", element.EnumerateArray().Take(5).Select(Describe))} 等 {element.GetArrayLength()} 项",
        JsonValueKind.Null or JsonValueKind.Undefined => "（空）",
        JsonValueKind.String => element.GetString() is { Length: > 0 } text ? text : "（空）",
        _ => element.GetRawText(),
    };
}
