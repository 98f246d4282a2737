namespace EduPortal.Domain.Accounts;

/// <summary>The length of a person's real name (姓名) on an account: registration, the profile and the roster import.</summary>
public static class RealName
{
    public const int MinLength = 2;
    public const int MaxLength = 30;
}
