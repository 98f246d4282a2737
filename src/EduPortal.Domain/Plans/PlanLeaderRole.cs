namespace EduPortal.Domain.Plans;

/// <summary>A seat in a plan's leadership group (circular 004 §六(一)1: 组长/副组长/成员; 001 §三 for a school's group).</summary>
public enum PlanLeaderRole
{
    Leader = 1,
    DeputyLeader = 2,
    Member = 3,
}

public static class PlanLeaderRoles
{
    public static string DisplayName(this PlanLeaderRole role) => role switch
    {
        PlanLeaderRole.Leader => "组长",
        PlanLeaderRole.DeputyLeader => "副组长",
        PlanLeaderRole.Member => "成员",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
