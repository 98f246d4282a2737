namespace EduPortal.Domain.Plans;

/// <summary>
/// A hand-entered value as the form sends it, checked by <see cref="PlanTarget.CheckEntry"/> before any file is stored;
/// <paramref name="HasFile"/> says a file comes with it.
/// </summary>
public sealed record PlanTargetEntryDraft(DateOnly? Date, decimal? Value, string? Note, string? Link, bool HasFile);

/// <summary>A file the upload pipeline has content-checked and stored, ready to attach.</summary>
public sealed record StoredPlanFile(string StoredPath, string FileName, string ContentType);
