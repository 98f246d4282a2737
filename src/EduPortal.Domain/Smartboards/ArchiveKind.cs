namespace EduPortal.Domain.Smartboards;

/// <summary>
/// The four kinds of the school's 班班通 archive (circular 003 §二.1: "要将‘班班通’建设的技术资料、维护维修记录、培训记录、
/// 教研工作日志等整理归档"). 维护维修记录 and 培训记录 are read from the repair tickets and the training records;
/// 技术资料 and 教研工作日志 are stored as <see cref="ArchiveDocument"/>s.
/// </summary>
public enum ArchiveKind
{
    TechnicalDocument = 1,
    MaintenanceRecord = 2,
    TrainingRecord = 3,
    ResearchLog = 4,
}
