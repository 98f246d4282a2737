using System.Text.Json;
using EduPortal.Domain.Common;

namespace EduPortal.Domain.Points;

/// <summary>One saved version of a year's rule table (规则版本): every edit adds a version; the highest is in force.</summary>
public sealed class PointRuleSetVersion
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private PointRuleSetVersion()
    {
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public int Version { get; private set; }
    public DateOnly StartDate { get; private set; }
    public int PointsPerHour { get; private set; }
    public string RulesJson { get; private set; } = "[]";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedById { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";
    public string Note { get; private set; } = "";

    public static Result<PointRuleSetVersion> Create(PointRuleSet set, int version, string byId, string byName, string note, DateTimeOffset at)
    {
        if (set.Validate() is { } error)
        {
            return error;
        }
        return new PointRuleSetVersion
        {
            Year = set.Year,
            Version = version,
            StartDate = set.StartDate,
            PointsPerHour = set.PointsPerHour,
            RulesJson = JsonSerializer.Serialize(set.Rules, Json),
            CreatedAt = at,
            CreatedById = byId,
            CreatedByName = byName,
            Note = note.Trim(),
        };
    }

    public PointRuleSet ToRuleSet() => new()
    {
        Year = Year,
        StartDate = StartDate,
        PointsPerHour = PointsPerHour,
        Rules = JsonSerializer.Deserialize<List<PointRule>>(RulesJson, Json) ?? [],
    };
}
