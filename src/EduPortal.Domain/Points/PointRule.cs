namespace EduPortal.Domain.Points;

/// <summary>
/// One row of the scoring table (计分项目事件一览表): an event type, its points and caps, and the
/// threshold an event must meet to score. Rules are data: a city admin edits them per year.
/// </summary>
public sealed record PointRule
{
    /// <summary>Stable event-type code used by the ingestion API and the raw events (e.g. <c>login</c>).</summary>
    public required string Type { get; init; }
    public required PointCategory Category { get; init; }
    /// <summary>二级分类, e.g. 资源建设.</summary>
    public required string Name { get; init; }
    /// <summary>内容描述 as the circular words it.</summary>
    public string Description { get; init; } = "";
    public required int Points { get; init; }
    public int? DailyCap { get; init; }
    public int? WeeklyCap { get; init; }
    public int? YearlyCap { get; init; }

    /// <summary>Minimum of the event's quantity (minutes, readers, students…) for the event to score; null = none.</summary>
    public int? Threshold { get; init; }
    /// <summary>What the quantity counts, e.g. 使用时长 or 阅读或完成人数.</summary>
    public string QuantityName { get; init; } = "";
    /// <summary>Unit of the quantity, e.g. 分钟 or 人.</summary>
    public string QuantityUnit { get; init; } = "";
    /// <summary>An alternative threshold on the event's second quantity (班级活动: ≥ 15 participants OR ≥ 5 works).</summary>
    public int? AlternativeThreshold { get; init; }
    public string AlternativeQuantityName { get; init; } = "";
    public string AlternativeQuantityUnit { get; init; } = "";

    /// <summary>Login streak: from this consecutive day on, a day scores <see cref="StreakPoints"/> (circular 001 附件2: 连续超过7天后每天2分).</summary>
    public int? StreakFromDay { get; init; }
    public int StreakPoints { get; init; }

    /// <summary>
    /// Which origins may supply this rule's events (issue 10: points have provenance); null = the shipped default
    /// for the type (<see cref="PointProvenance.DefaultOrigins"/>), so rule tables saved before this existed keep
    /// the portal's own events to the portal.
    /// </summary>
    public PointEventOrigins? Origins { get; init; }

    /// <summary>The origins in force: <see cref="Origins"/>, or the shipped default for the type.</summary>
    public PointEventOrigins AllowedOrigins => Origins ?? PointProvenance.DefaultOrigins(Type);

    /// <summary>
    /// The platform keys (by their source, e.g. <c>edu-cloud</c>) allowed to post this rule's events; empty =
    /// any active key. Limits a key to the event types its platform actually produces.
    /// </summary>
    public IReadOnlyList<string> PlatformSources { get; init; } = [];

    /// <summary>A switched-off rule keeps its events but awards nothing.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Counts once per China calendar day however many events arrive (sign-ins, circular 001 附件2 空间登录 "1分/天").
    /// The login row is daily by what it means, whether or not it has a streak bonus: clearing the streak
    /// field never turns it into a per-event row.
    /// </summary>
    public bool IsDaily => Type == PointTypes.Login || StreakFromDay is not null;

    /// <summary>计分规则 as shown in the rule table, e.g. "1分/次，5次/每周".</summary>
    public string RuleText
    {
        get
        {
            var parts = new List<string> { IsDaily ? $"{Points}分/天" : $"{Points}分/次" };
            if (StreakFromDay is { } from)
            {
                parts.Add($"连续第 {from} 天起 {StreakPoints}分/天");
            }
            if (DailyCap is { } day && !IsDaily)
            {
                parts.Add($"{day}次/每天");
            }
            if (WeeklyCap is { } week)
            {
                parts.Add($"{week}次/每周");
            }
            if (YearlyCap is { } year)
            {
                parts.Add($"{year}次/每年");
            }
            if (Threshold is { } threshold)
            {
                var condition = $"{QuantityName}≥{threshold}{QuantityUnit}";
                if (AlternativeThreshold is { } alternative)
                {
                    condition += $" 或 {AlternativeQuantityName}≥{alternative}{AlternativeQuantityUnit}";
                }
                parts.Add(condition);
            }
            return string.Join("，", parts);
        }
    }

    /// <summary>Longest streak threshold and weekly/yearly caps a daily row can meaningfully have.</summary>
    public const int DaysPerWeek = 7;
    public const int MaxDaysPerYear = 366;

    /// <summary>
    /// Checks an edited row against what it means (pure; messages keyed by field, shown next to the field):
    /// numbers in range, caps positive and nested (a day's cap within the week's, the week's within the year's),
    /// a daily row (空间登录, circular 001 附件2 "1分/天") counting at most once a day, a streak bonus starting
    /// after the first day and not below the daily points, and an alternative condition only beside a main one.
    /// </summary>
    public Common.ValidationError? Validate() => new Common.ValidationBuilder()
        .Check(Points is >= 0 and <= 1000, nameof(Points), "分值应为 0–1000")
        .Check(DailyCap is null or > 0, nameof(DailyCap), "每日上限应大于 0，或留空表示不限")
        .Check(!IsDaily || DailyCap is null or 1, nameof(DailyCap), "按天计分的项目每天只计一次，每日上限应为 1")
        .Check(DailyCap is not { } d || WeeklyCap is not { } w || w <= 0 || d <= w, nameof(DailyCap), "每日上限不能大于每周上限")
        .Check(WeeklyCap is null or > 0, nameof(WeeklyCap), "每周上限应大于 0，或留空表示不限")
        .Check(!IsDaily || WeeklyCap is null or <= DaysPerWeek, nameof(WeeklyCap), "按天计分的项目每周最多计 7 天")
        .Check(WeeklyCap is not { } w2 || YearlyCap is not { } y || y <= 0 || w2 <= y, nameof(WeeklyCap), "每周上限不能大于每年上限")
        .Check(YearlyCap is null or > 0, nameof(YearlyCap), "每年上限应大于 0，或留空表示不限")
        .Check(!IsDaily || YearlyCap is null or <= MaxDaysPerYear, nameof(YearlyCap), "按天计分的项目每年最多计 366 天")
        .Check(Threshold is null or > 0, nameof(Threshold), "达标条件应大于 0，或留空表示无条件")
        .Check(AlternativeThreshold is null || Threshold is not null, nameof(Threshold), "有“或”条件时，达标条件不能留空")
        .Check(AlternativeThreshold is null or > 0, nameof(AlternativeThreshold), "达标条件应大于 0，或留空")
        .Check(StreakFromDay is null or (> 1 and <= MaxDaysPerYear), nameof(StreakFromDay), "连续天数应为 2–366，或留空表示不设连续奖励")
        .Check(StreakPoints is >= 0 and <= 1000, nameof(StreakPoints), "连续登录分值应为 0–1000")
        .Check(StreakFromDay is null || StreakPoints >= Points, nameof(StreakPoints), "连续登录的每天分值不应低于平时每天的分值")
        .Build();
}
