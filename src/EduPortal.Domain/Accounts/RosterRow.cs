namespace EduPortal.Domain.Accounts;

/// <summary>A checked roster row: what will be imported, or why not (<see cref="RosterRules.CheckRows"/>).</summary>
public sealed record RosterRow(int RowNumber, string RealName, string Phone, string SubjectsText, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
