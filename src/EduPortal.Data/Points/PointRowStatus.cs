namespace EduPortal.Data.Points;

public enum PointRowStatus
{
    /// <summary>新增.</summary>
    Created,
    /// <summary>Already recorded with the same numbers (重复，已忽略).</summary>
    Duplicate,
    /// <summary>Already recorded; its numbers were updated (已更新).</summary>
    Updated,
    /// <summary>Refused, with a reason (已拒绝).</summary>
    Rejected,
}
