using System.Text.Json;

namespace EduPortal.Web.Features.Audit;

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
