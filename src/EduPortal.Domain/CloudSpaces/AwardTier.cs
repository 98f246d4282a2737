namespace EduPortal.Domain.CloudSpaces;

/// <summary>The prize an entry wins (一/二/三等奖) or none.</summary>
public enum AwardTier
{
    None = 0,
    First = 1,
    Second = 2,
    Third = 3,
}
