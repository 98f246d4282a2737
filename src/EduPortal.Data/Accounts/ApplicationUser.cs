using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using Microsoft.AspNetCore.Identity;

namespace EduPortal.Data.Accounts;

/// <summary>An account: an Identity user plus the profile circular 000 needs (real name, school, admin level).</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string RealName { get; set; } = "";
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public AdminLevel Level { get; set; }
    public AccountStatus Status { get; set; }
    public EmploymentStatus Employment { get; set; }
    public Capability Capabilities { get; set; }
    /// <summary>Subjects taught, joined with 、 (任教学科).</summary>
    public string SubjectsText { get; set; } = "";
    public string? AvatarFileKey { get; set; }
    public string? AvatarThumbnailKey { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public string? ReviewedById { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? RejectionReason { get; set; }
    /// <summary>
    /// The password was set by someone else (an admin's reset or a roster import, 临时密码): the account must
    /// choose its own before it can use the portal.
    /// </summary>
    public bool MustChangePassword { get; set; }

    public IReadOnlyList<string> Subjects => Domain.Accounts.Subjects.Parse(SubjectsText).Known;

    public AccountPosition Position => new(Level, OrgUnit?.Path ?? throw new InvalidOperationException("OrgUnit not loaded"), OrgUnit.Kind);

    public bool CanSignIn => IsActiveServing(Status, Employment);

    /// <summary>Active and serving: the rule behind <see cref="CanSignIn"/> and <see cref="AccountQueries.ActiveServing"/>.</summary>
    public static bool IsActiveServing(AccountStatus status, EmploymentStatus employment) =>
        status == AccountStatus.Active && employment == EmploymentStatus.Serving;
}
