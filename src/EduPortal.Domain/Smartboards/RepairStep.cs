namespace EduPortal.Domain.Smartboards;

/// <summary>One timed step of a repair ticket: who did what when, at which tier, with the parts and cost (circular 003 §二.1 维护维修记录).</summary>
public sealed class RepairStep
{
    private RepairStep()
    {
    }

    internal RepairStep(RepairStepKind kind, RepairTier tier, string? actorId, string actorName, DateTimeOffset at, string? note, string? parts, decimal? cost)
    {
        Kind = kind;
        Tier = tier;
        ActorId = actorId;
        ActorName = actorName;
        At = at;
        Note = note;
        Parts = parts;
        Cost = cost;
    }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public RepairStepKind Kind { get; private set; }
    public RepairTier Tier { get; private set; }

    /// <summary>Null for the escalation job.</summary>
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? Note { get; private set; }
    public string? Parts { get; private set; }
    public decimal? Cost { get; private set; }
}
