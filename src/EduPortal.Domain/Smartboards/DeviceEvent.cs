namespace EduPortal.Domain.Smartboards;

/// <summary>One entry of a device's history (who, when, what); kept across transfers between schools.</summary>
public sealed class DeviceEvent
{
    public const int MaxNoteLength = 300;

    private DeviceEvent()
    {
    }

    internal DeviceEvent(long deviceId, int schoolId, DeviceEventKind kind, DeviceStatus? fromStatus, DeviceStatus? toStatus,
        string actorId, string actorName, string? note, DateTimeOffset at)
    {
        DeviceId = deviceId;
        SchoolId = schoolId;
        Kind = kind;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        ActorId = actorId;
        ActorName = actorName;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, MaxNoteLength)];
        At = at;
    }

    public long Id { get; private set; }
    public long DeviceId { get; private set; }

    /// <summary>The school that held the device when this happened.</summary>
    public int SchoolId { get; private set; }
    public DeviceEventKind Kind { get; private set; }
    public DeviceStatus? FromStatus { get; private set; }
    public DeviceStatus? ToStatus { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string? Note { get; private set; }
    public DateTimeOffset At { get; private set; }
}
