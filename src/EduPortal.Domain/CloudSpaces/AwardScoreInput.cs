namespace EduPortal.Domain.CloudSpaces;

/// <summary>An expert's marks for one entry on the four indicators of 附件1, and a comment.</summary>
public sealed record AwardScoreInput(int? Layout, int? Application, int? Effect, int? Innovation, string? Comment)
{
    public int? Total => Layout + Application + Effect + Innovation;
}
