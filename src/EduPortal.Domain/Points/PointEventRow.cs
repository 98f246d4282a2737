using EduPortal.Domain.Common;

namespace EduPortal.Domain.Points;

/// <summary>
/// One point event row from outside the portal — a row of an ingestion batch or of an import sheet — once its
/// channel has read it and found the teacher. <see cref="Validate"/> is the one row check both channels use:
/// when it happened, which rule it falls under and whether that origin may supply it (issue 10). Reading the
/// cells (ids, phones, numbers) stays with each channel, since the two are written differently.
/// </summary>
public sealed record PointEventRow(string TeacherId, string Type, DateTimeOffset OccurredAt)
{
    /// <summary>How far ahead of the portal's clock an event may be stamped (the sender's clock may run a little fast).</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(10);

    /// <summary>The earliest calendar year an event may fall in.</summary>
    public const int FirstYear = 2000;

    /// <summary>
    /// The time check alone, null when the time is acceptable: not later than now (with <see cref="AllowedClockSkew"/>)
    /// and not before <see cref="FirstYear"/>. Channels run it first to know which years' rule tables to load.
    /// </summary>
    public static string? CheckTime(DateTimeOffset occurredAt, DateTimeOffset now, PointEventOrigins origin)
    {
        var field = origin == PointEventOrigins.Import ? "发生时间" : "occurredAt ";
        if (occurredAt > now + AllowedClockSkew)
        {
            return $"{field}不能晚于当前时间";
        }
        return PointEngine.ChinaDay(occurredAt).Year < FirstYear ? $"{field}超出范围" : null;
    }

    /// <summary>
    /// Checks the row for <paramref name="origin"/> (<see cref="PointEventOrigins.Platform"/> or
    /// <see cref="PointEventOrigins.Import"/>) and returns the rule it falls under, or the reason in Chinese.
    /// The API names a type by its code; a sheet by its name (as people read it) or its code.
    /// <paramref name="rulesFor"/> gives the rule table in force on a China day; <paramref name="platformSource"/>
    /// is the posting key's source (API), <paramref name="importerId"/> the importing admin's id (import).
    /// </summary>
    public Result<PointRule> Validate(PointEventOrigins origin, Func<DateOnly, PointRuleSet> rulesFor, DateTimeOffset now,
        string? platformSource = null, string? importerId = null)
    {
        if (CheckTime(OccurredAt, now, origin) is { } badTime)
        {
            return ValidationError.For(nameof(OccurredAt), badTime);
        }
        var rules = rulesFor(PointEngine.ChinaDay(OccurredAt));
        var type = Type.Trim();
        var rule = origin == PointEventOrigins.Import
            ? rules.Rules.FirstOrDefault(r => r.Name == type || r.Type == type)
            : rules.Find(type);
        if (rule is null)
        {
            return ValidationError.For(nameof(Type), origin == PointEventOrigins.Import && type.Length == 0 ? "事件类型为空" : $"未知的事件类型“{type}”");
        }
        if (PointProvenance.Check(rule, origin, TeacherId, platformSource, importerId) is { } refused)
        {
            return ValidationError.For(nameof(TeacherId), refused);
        }
        return rule;
    }
}
