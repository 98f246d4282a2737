namespace EduPortal.Domain.Plans;

/// <summary>A progress note on a task (进展情况), with who wrote it and when.</summary>
public sealed class PlanTaskNote
{
    private PlanTaskNote()
    {
    }

    internal PlanTaskNote(string text, string authorName, DateTimeOffset at)
    {
        Text = text;
        AuthorName = authorName;
        At = at;
    }

    public int Id { get; private set; }
    public string Text { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
