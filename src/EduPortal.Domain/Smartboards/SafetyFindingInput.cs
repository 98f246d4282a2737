namespace EduPortal.Domain.Smartboards;

/// <summary>A problem found on one checklist item, as the inspection form sends it.</summary>
public sealed record SafetyFindingInput(SafetyCheckItem Item, string? Problem, DateOnly? RectifyBy, string? ResponsiblePerson);
