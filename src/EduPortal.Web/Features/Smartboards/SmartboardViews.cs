using EduPortal.Domain.Smartboards;

namespace EduPortal.Web.Features.Smartboards;

public sealed record SmartboardSchoolRow(int Id, string Name, string CountyName, string? TownshipName, int Classes, int Rooms, int Devices,
    int EquippedClasses, int IdleDevices, int UnderRepair);

public sealed record DeviceRow(long Id, string AssetTag, DeviceType Type, string? Brand, string? Model, DeviceStatus Status, int? ClassroomId,
    string? ClassroomName, DateOnly? WarrantyEnd);

public sealed record ClassroomRow(int Id, string Name, ClassroomKind Kind, int? SchoolClassId, string? ResponsibleUserId, string? ResponsibleName,
    string? Notes, IReadOnlyList<DeviceRow> Devices);

public sealed record OptionItem<TKey>(TKey Id, string Name);

public sealed record SchoolRegisterView(int SchoolId, string SchoolName, string SchoolPath, bool CanManage, IReadOnlyList<ClassroomRow> Rooms,
    IReadOnlyList<DeviceRow> Stored, IReadOnlyList<OptionItem<int>> Classes, IReadOnlyList<OptionItem<string>> Staff)
{
    public IEnumerable<OptionItem<int>> ClassesWithoutRoom(int? except = null) =>
        Classes.Where(c => Rooms.All(r => r.SchoolClassId != c.Id || r.Id == except));
}

public sealed record DeviceHistoryRow(DeviceEventKind Kind, DeviceStatus? FromStatus, DeviceStatus? ToStatus, string ActorName, string? Note,
    DateTimeOffset At, string? SchoolName);

public sealed record DeviceView(
    long Id,
    int SchoolId,
    string SchoolName,
    DeviceDetails Details,
    DeviceStatus Status,
    int? ClassroomId,
    string? ClassroomName,
    ClassroomKind? ClassroomKind,
    string? ResponsibleName,
    DevicePermissions Permissions,
    IReadOnlyList<DeviceHistoryRow> History,
    DeviceTransferState? OpenTransfer,
    int Version);

/// <summary>A room form's fields.</summary>
public sealed class ClassroomInput
{
    public string? Name { get; set; }
    public ClassroomKind Kind { get; set; } = ClassroomKind.Ordinary;
    public int? SchoolClassId { get; set; }
    public string? ResponsibleUserId { get; set; }
    public string? Notes { get; set; }
}

/// <summary>A device form's fields.</summary>
public sealed class DeviceInput
{
    public string? AssetTag { get; set; }
    public DeviceType Type { get; set; } = DeviceType.InteractiveDisplay;
    public string? Brand { get; set; }
    public string? Model { get; set; }
    public string? SerialNumber { get; set; }
    public FundingSource Funding { get; set; } = FundingSource.WeakSchoolImprovement;
    public DateTime? PurchaseDate { get; set; }
    public decimal? PurchaseValue { get; set; }
    public DateTime? InstallDate { get; set; }
    public DateTime? WarrantyEnd { get; set; }
    public string? Notes { get; set; }
    public int? ClassroomId { get; set; }
    public DeviceStatus Status { get; set; } = DeviceStatus.InUse;

    public DeviceDetails ToDetails() => new(AssetTag ?? "", Type, Brand, Model, SerialNumber, Funding, ToDate(PurchaseDate), PurchaseValue,
        ToDate(InstallDate), ToDate(WarrantyEnd), Notes);

    public static DeviceInput From(DeviceView view) => new()
    {
        AssetTag = view.Details.AssetTag,
        Type = view.Details.Type,
        Brand = view.Details.Brand,
        Model = view.Details.Model,
        SerialNumber = view.Details.SerialNumber,
        Funding = view.Details.Funding,
        PurchaseDate = ToDateTime(view.Details.PurchaseDate),
        PurchaseValue = view.Details.PurchaseValue,
        InstallDate = ToDateTime(view.Details.InstallDate),
        WarrantyEnd = ToDateTime(view.Details.WarrantyEnd),
        Notes = view.Details.Notes,
        ClassroomId = view.ClassroomId,
        Status = view.Status,
    };

    private static DateOnly? ToDate(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    private static DateTime? ToDateTime(DateOnly? value) => value?.ToDateTime(TimeOnly.MinValue);
}
