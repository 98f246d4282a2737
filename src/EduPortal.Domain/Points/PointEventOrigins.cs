namespace EduPortal.Domain.Points;

/// <summary>Where a point event comes from.</summary>
[Flags]
public enum PointEventOrigins
{
    None = 0,
    /// <summary>The portal records it itself (a sign-in, a completed profile, a published lab record).</summary>
    Portal = 1,
    /// <summary>Another platform posts it through the ingestion API with its key (the education cloud platform).</summary>
    Platform = 2,
    /// <summary>A school or county admin imports it from a spreadsheet (积分事件导入).</summary>
    Import = 4,
}
