namespace EduPortal.Domain.Smartboards;

/// <summary>The result the county records for one entry.</summary>
public enum CompetitionAward
{
    First = 1,
    Second = 2,
    Third = 3,
    Excellence = 4,
    None = 9,
}
