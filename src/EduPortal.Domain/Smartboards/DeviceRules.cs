using EduPortal.Domain.Common;

namespace EduPortal.Domain.Smartboards;

/// <summary>The row checks shared by the device form and the ledger import (one pure function).</summary>
public static class DeviceRules
{
    public const int MaxAssetTagLength = 40;
    public const int MaxBrandLength = 40;
    public const int MaxModelLength = 60;
    public const int MaxSerialLength = 60;
    public const int MaxNotesLength = 300;
    public const decimal MaxValue = 10_000_000m;

    /// <summary>Asset tags are printed on labels and typed in from them: letters, digits, '-', '_', '.' and '/'.</summary>
    public static bool IsValidAssetTag(string? tag) =>
        !string.IsNullOrWhiteSpace(tag) && tag.Trim().Length <= MaxAssetTagLength
        && tag.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');

    public static string NormalizeAssetTag(string tag) => tag.Trim().ToUpperInvariant();

    public static ValidationError? Validate(DeviceDetails details, DateOnly today)
    {
        return new ValidationBuilder()
            .Check(!string.IsNullOrWhiteSpace(details.AssetTag), nameof(DeviceDetails.AssetTag), "请填写资产编号")
            .Check(string.IsNullOrWhiteSpace(details.AssetTag) || IsValidAssetTag(details.AssetTag), nameof(DeviceDetails.AssetTag),
                $"资产编号只能包含字母、数字和 - _ . /，且不超过 {MaxAssetTagLength} 个字符")
            .Check(Enum.IsDefined(details.Type), nameof(DeviceDetails.Type), "请选择设备类型")
            .Check(Enum.IsDefined(details.Funding), nameof(DeviceDetails.Funding), "请选择经费来源")
            .Check((details.Brand?.Trim().Length ?? 0) <= MaxBrandLength, nameof(DeviceDetails.Brand), $"品牌不能超过 {MaxBrandLength} 个字")
            .Check((details.Model?.Trim().Length ?? 0) <= MaxModelLength, nameof(DeviceDetails.Model), $"型号不能超过 {MaxModelLength} 个字")
            .Check((details.SerialNumber?.Trim().Length ?? 0) <= MaxSerialLength, nameof(DeviceDetails.SerialNumber), $"序列号不能超过 {MaxSerialLength} 个字")
            .Check((details.Notes?.Trim().Length ?? 0) <= MaxNotesLength, nameof(DeviceDetails.Notes), $"备注不能超过 {MaxNotesLength} 个字")
            .Check(details.PurchaseValue is null or >= 0, nameof(DeviceDetails.PurchaseValue), "金额不能为负数")
            .Check(details.PurchaseValue is null or <= MaxValue, nameof(DeviceDetails.PurchaseValue), "金额超出合理范围")
            .Check(details.PurchaseValue is null || decimal.Round(details.PurchaseValue.Value, 2) == details.PurchaseValue.Value,
                nameof(DeviceDetails.PurchaseValue), "金额最多保留两位小数")
            .Check(details.PurchaseDate is null || details.PurchaseDate <= today, nameof(DeviceDetails.PurchaseDate), "购置日期不能晚于今天")
            .Check(details.InstallDate is null || details.InstallDate <= today, nameof(DeviceDetails.InstallDate), "安装日期不能晚于今天")
            .Check(details.InstallDate is null || details.PurchaseDate is null || details.InstallDate >= details.PurchaseDate,
                nameof(DeviceDetails.InstallDate), "安装日期不能早于购置日期")
            .Check(details.WarrantyEnd is null || details.PurchaseDate is null || details.WarrantyEnd >= details.PurchaseDate,
                nameof(DeviceDetails.WarrantyEnd), "保修截止日期不能早于购置日期")
            .Build();
    }
}
