namespace EduPortal.Domain.Plans;

/// <summary>An evidence file (佐证材料) on a task.</summary>
public sealed class PlanTaskEvidence : PlanFile
{
    private PlanTaskEvidence()
    {
    }

    internal PlanTaskEvidence(string storedPath, string fileName, string contentType, string uploadedByName, DateTimeOffset at)
        : base(storedPath, fileName, "佐证材料", contentType, uploadedByName, at)
    {
    }
}
