namespace EduPortal.Domain.Smartboards;

/// <summary>Kinds of entries in a device's history.</summary>
public enum DeviceEventKind
{
    Registered = 1,
    Edited = 2,
    Moved = 3,
    RepairStarted = 4,
    ReturnedToService = 5,
    MarkedIdle = 6,
    PutInUse = 7,
    Scrapped = 8,
    Imported = 9,
    TransferredOut = 10,
    TransferredIn = 11,
}
