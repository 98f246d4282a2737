namespace EduPortal.Domain.Plans;

/// <summary>A member of a plan's leadership group with their post, e.g. 组长 李景浩 (市人民政府副市长) in circular 004 §六(一)1.</summary>
public sealed class PlanLeader
{
    private PlanLeader()
    {
    }

    internal PlanLeader(PlanLeaderRole role, string name, string post)
    {
        Role = role;
        Name = name;
        Post = post;
    }

    public int Id { get; private set; }
    public PlanLeaderRole Role { get; private set; }
    public string Name { get; private set; } = "";
    public string Post { get; private set; } = "";
}
