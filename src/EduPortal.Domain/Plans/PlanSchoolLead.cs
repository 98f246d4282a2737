namespace EduPortal.Domain.Plans;

/// <summary>The 分管领导 a school names for the plan (circular 004 §六(一)5: 各学校要指定一名分管领导负责试点工作的组织实施).</summary>
public sealed class PlanSchoolLead
{
    private PlanSchoolLead()
    {
    }

    internal PlanSchoolLead(int schoolId, string schoolName, string leaderName, string post)
    {
        SchoolId = schoolId;
        SchoolName = schoolName;
        LeaderName = leaderName;
        Post = post;
    }

    public int Id { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolName { get; private set; } = "";
    public string LeaderName { get; private set; } = "";
    public string Post { get; private set; } = "";

    internal void Change(string leaderName, string post)
    {
        LeaderName = leaderName;
        Post = post;
    }
}
