namespace EduPortal.Domain.Accounts;

/// <summary>One non-empty row of a roster file as read (name trimmed, phone normalised), before it is checked.</summary>
public sealed record RosterEntry(int RowNumber, string RealName, string Phone, string SubjectsText);
