namespace EduPortal.Domain.Smartboards;

/// <summary>The descriptive fields of a device, as a form or a ledger row gives them.</summary>
public sealed record DeviceDetails(
    string AssetTag,
    DeviceType Type,
    string? Brand,
    string? Model,
    string? SerialNumber,
    FundingSource Funding,
    DateOnly? PurchaseDate,
    decimal? PurchaseValue,
    DateOnly? InstallDate,
    DateOnly? WarrantyEnd,
    string? Notes);
