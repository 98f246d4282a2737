namespace EduPortal.Domain.Smartboards;

public static class ArchiveKinds
{
    public static readonly IReadOnlyList<ArchiveKind> All = Enum.GetValues<ArchiveKind>();

    public static string DisplayName(this ArchiveKind kind) => kind switch
    {
        ArchiveKind.TechnicalDocument => "技术资料",
        ArchiveKind.MaintenanceRecord => "维护维修记录",
        ArchiveKind.TrainingRecord => "培训记录",
        ArchiveKind.ResearchLog => "教研工作日志",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The kinds the school enters itself (the other two come from tickets and training records).</summary>
    public static bool IsStored(this ArchiveKind kind) => kind is ArchiveKind.TechnicalDocument or ArchiveKind.ResearchLog;
}
