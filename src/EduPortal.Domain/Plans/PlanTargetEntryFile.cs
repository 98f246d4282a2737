namespace EduPortal.Domain.Plans;

/// <summary>An evidence file of a hand-entered value; a correction that brings no new file keeps the corrected entry's.</summary>
public sealed class PlanTargetEntryFile : PlanFile
{
    private PlanTargetEntryFile()
    {
    }

    internal PlanTargetEntryFile(string storedPath, string fileName, string contentType, string uploadedByName, DateTimeOffset at)
        : base(storedPath, fileName, "佐证材料", contentType, uploadedByName, at)
    {
    }
}
