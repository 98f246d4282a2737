using EduPortal.Domain.Accounts;

namespace EduPortal.Domain.CloudSpaces;

/// <summary>An account considered as a reviewer: its capabilities and the org unit it belongs to.</summary>
public sealed record AwardExpert(string UserId, string RealName, string OrgPath, string OrgName, Capability Capabilities)
{
    public bool IsExpert => (Capabilities & Capability.ExpertReviewer) == Capability.ExpertReviewer;
}
