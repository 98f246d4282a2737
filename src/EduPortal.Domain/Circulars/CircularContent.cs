namespace EduPortal.Domain.Circulars;

/// <summary>What the editor fills in on a draft (the recipients are chosen separately as a <see cref="RecipientSelection"/>).</summary>
public sealed record CircularContent(
    string? Title,
    string? DocumentPrefix,
    string? BodyMarkdown,
    string? ContactName,
    string? ContactPhone,
    IReadOnlyList<MilestoneInput> Milestones,
    RecipientSelection Recipients,
    bool ForTeachers,
    ReplyMode ReplyMode,
    DateOnly? ReplyDueDate);

/// <summary>One milestone row of the editor.</summary>
public sealed record MilestoneInput(string? Label, DateOnly? Date, bool IsDeadline);
