namespace EduPortal.Domain.Plans;

/// <summary>
/// A file the plans module keeps (task evidence, a county feedback attachment, a hand-entered value's evidence): stored
/// through the portal's content-checked upload pipeline, with who uploaded it and when. One shape for every such file.
/// </summary>
public abstract class PlanFile
{
    public const int MaxFileNameLength = 120;

    protected PlanFile()
    {
    }

    /// <param name="fallbackName">The name shown when the browser sent none (e.g. 佐证材料).</param>
    protected PlanFile(string storedPath, string fileName, string fallbackName, string contentType, string uploadedByName, DateTimeOffset at)
    {
        var name = Path.GetFileName(fileName ?? "");
        StoredPath = storedPath;
        FileName = name.Length > 0 ? name[..Math.Min(name.Length, MaxFileNameLength)] : fallbackName;
        ContentType = contentType;
        UploadedByName = uploadedByName;
        At = at;
    }

    public int Id { get; private set; }
    public string StoredPath { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public string UploadedByName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
