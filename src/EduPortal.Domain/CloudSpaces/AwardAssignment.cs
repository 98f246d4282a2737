using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.CloudSpaces;

/// <summary>An expert reviewer assigned to score one nominated entry.</summary>
public sealed class AwardAssignment
{
    private AwardAssignment()
    {
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int EntryId { get; private set; }
    public string ExpertId { get; private set; } = "";
    public string ExpertName { get; private set; } = "";
    public DateTimeOffset AssignedAt { get; private set; }
    public string AssignedByName { get; private set; } = "";

    /// <summary>
    /// Conflict of interest: an expert never reviews an entry of their own school (the expert's unit is the entry's
    /// school or inside it).
    /// </summary>
    public static bool IsConflicted(AwardExpert expert, AwardEntry entry) => OrgUnit.PathContains(entry.SchoolPath, expert.OrgPath);

    public static Result<AwardAssignment> Assign(AwardRound round, Caller caller, AwardEntry entry, AwardExpert expert, DateOnly today, DateTimeOffset now)
    {
        var open = round.CheckAssignmentOpen(caller, today);
        if (!open.Succeeded)
        {
            return open.Error!;
        }
        if (entry.RoundId != round.Id || !entry.Kind.IsNominated())
        {
            return new NotFoundError();
        }
        if (!expert.IsExpert)
        {
            return ValidationError.For("ExpertId", $"{expert.RealName}没有评审专家权限");
        }
        if (!OrgUnit.PathContains(round.CountyPath, expert.OrgPath) && !OrgUnit.PathContains(expert.OrgPath, round.CountyPath))
        {
            return ValidationError.For("ExpertId", "只能分配本区县（或市级）的评审专家");
        }
        if (IsConflicted(expert, entry))
        {
            return ValidationError.For("ExpertId", $"{expert.RealName}与{entry.SchoolName}同校，需回避，不能评审本校的参评作品");
        }
        return new AwardAssignment
        {
            RoundId = round.Id,
            EntryId = entry.Id,
            ExpertId = expert.UserId,
            ExpertName = expert.RealName,
            AssignedAt = now,
            AssignedByName = caller.RealName,
        };
    }
}
