using EduPortal.Domain.Common;

namespace EduPortal.Domain.CloudSpaces;

/// <summary>How many places each tier has: 一等奖6人，二等奖15人，三等奖24人 by default (circular 001 §四(二)2), editable per term.</summary>
public sealed record CloudSpaceAwardCounts(int First = 6, int Second = 15, int Third = 24)
{
    public const int Max = 1000;

    public ValidationError? Validate() => new ValidationBuilder()
        .Check(First is >= 0 and <= Max, nameof(First), $"一等奖人数应在 0 到 {Max} 之间")
        .Check(Second is >= 0 and <= Max, nameof(Second), $"二等奖人数应在 0 到 {Max} 之间")
        .Check(Third is >= 0 and <= Max, nameof(Third), $"三等奖人数应在 0 到 {Max} 之间")
        .Build();
}
