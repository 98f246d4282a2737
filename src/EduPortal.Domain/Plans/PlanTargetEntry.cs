namespace EduPortal.Domain.Plans;

/// <summary>
/// A hand-entered value of a target's metric (手工填报): the figure on a China date with its evidence — a note, a link
/// and/or a file. Entries are never edited: a correction adds a new entry (<see cref="CorrectsEntryId"/>) and marks the one
/// it replaces superseded, so the history shows who entered what when. Only current entries are readings.
/// </summary>
public sealed class PlanTargetEntry
{
    public const int MaxNoteLength = 500;
    public const int MaxLinkLength = 300;
    public const int MaxFiles = 3;

    private PlanTargetEntry()
    {
    }

    internal PlanTargetEntry(DateOnly date, decimal value, string? note, string? link, string enteredById, string enteredByName, DateTimeOffset at, int? correctsEntryId)
    {
        Date = date;
        Value = value;
        EvidenceNote = note;
        EvidenceLink = link;
        EnteredById = enteredById;
        EnteredByName = enteredByName;
        EnteredAt = at;
        CorrectsEntryId = correctsEntryId;
    }

    public int Id { get; private set; }
    public int PlanTargetId { get; private set; }
    /// <summary>The China date the figure describes.</summary>
    public DateOnly Date { get; private set; }
    public decimal Value { get; private set; }
    /// <summary>佐证说明.</summary>
    public string? EvidenceNote { get; private set; }
    /// <summary>佐证链接 (http or https).</summary>
    public string? EvidenceLink { get; private set; }
    public List<PlanTargetEntryFile> Files { get; private set; } = [];
    public string EnteredById { get; private set; } = "";
    public string EnteredByName { get; private set; } = "";
    public DateTimeOffset EnteredAt { get; private set; }
    /// <summary>The entry this one corrects; null for a first entry.</summary>
    public int? CorrectsEntryId { get; private set; }
    public DateTimeOffset? SupersededAt { get; private set; }
    public string? SupersededByName { get; private set; }

    /// <summary>Not replaced by a correction: the entry that counts.</summary>
    public bool IsCurrent => SupersededAt is null;

    internal void Supersede(string byName, DateTimeOffset at)
    {
        SupersededAt = at;
        SupersededByName = byName;
    }
}
