namespace EduPortal.Domain.Circulars;

/// <summary>A reminder (催办) the issuer sent to the recipients that had not acknowledged yet.</summary>
public sealed class CircularReminder
{
    private CircularReminder()
    {
    }

    public CircularReminder(DateTimeOffset at, string byName, int unitCount)
    {
        At = at;
        ByName = byName;
        UnitCount = unitCount;
    }

    public int Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ByName { get; private set; } = "";
    /// <summary>How many units had not acknowledged when it was sent.</summary>
    public int UnitCount { get; private set; }
}
