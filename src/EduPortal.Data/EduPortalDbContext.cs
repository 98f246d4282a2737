using EduPortal.Data.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Circulars;
using EduPortal.Domain.CloudSpaces;
using EduPortal.Domain.Common;
using EduPortal.Domain.Feedback;
using EduPortal.Domain.Guides;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.News;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;
using EduPortal.Domain.Points;
using EduPortal.Domain.Smartboards;
using EduPortal.Domain.Surveys;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EduPortal.Data;

public sealed class EduPortalDbContext(DbContextOptions<EduPortalDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<SchoolClass> SchoolClasses => Set<SchoolClass>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SurveyRound> SurveyRounds => Set<SurveyRound>();
    public DbSet<SchoolSurvey> SchoolSurveys => Set<SchoolSurvey>();
    public DbSet<SurveyReminder> SurveyReminders => Set<SurveyReminder>();

    public DbSet<LabRecord> LabRecords => Set<LabRecord>();
    public DbSet<LabMedia> LabMedia => Set<LabMedia>();
    public DbSet<LabRecordTransition> LabRecordTransitions => Set<LabRecordTransition>();
    public DbSet<LabExperiment> LabExperiments => Set<LabExperiment>();
    public DbSet<LabInactivityFlag> LabInactivityFlags => Set<LabInactivityFlag>();
    public DbSet<LabSubjectOpening> LabSubjectOpenings => Set<LabSubjectOpening>();
    public DbSet<LabDayTally> LabDayTallies => Set<LabDayTally>();
    public DbSet<LabTeacherTermTally> LabTeacherTermTallies => Set<LabTeacherTermTally>();
    public DbSet<LabExperimentTermTally> LabExperimentTermTallies => Set<LabExperimentTermTally>();

    // Deep-application index (深度应用指数)
    public DbSet<PointEvent> PointEvents => Set<PointEvent>();
    public DbSet<PointAward> PointAwards => Set<PointAward>();
    public DbSet<PointTeacherTotal> PointTeacherTotals => Set<PointTeacherTotal>();
    public DbSet<PointTeacherWeek> PointTeacherWeeks => Set<PointTeacherWeek>();
    public DbSet<PointTeacherDay> PointTeacherDays => Set<PointTeacherDay>();
    public DbSet<PointTeacherMonth> PointTeacherMonths => Set<PointTeacherMonth>();
    public DbSet<PointDirtyTeacher> PointDirtyTeachers => Set<PointDirtyTeacher>();
    public DbSet<PointRuleSetVersion> PointRuleSetVersions => Set<PointRuleSetVersion>();
    public DbSet<PointApiKey> PointApiKeys => Set<PointApiKey>();
    public DbSet<PointRecomputeRun> PointRecomputeRuns => Set<PointRecomputeRun>();

    // 班班通 register (Smartboards)
    public DbSet<Classroom> Classrooms => Set<Classroom>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<DeviceEvent> DeviceEvents => Set<DeviceEvent>();
    public DbSet<DeviceTransfer> DeviceTransfers => Set<DeviceTransfer>();
    public DbSet<SchoolNetworkProfile> SchoolNetworkProfiles => Set<SchoolNetworkProfile>();
    public DbSet<TechnicianPost> TechnicianPosts => Set<TechnicianPost>();

    // Smartboards: repair tickets, the working-day calendar, safety inspections and policies (sb-service).
    public DbSet<WorkingCalendarYear> WorkingCalendarYears => Set<WorkingCalendarYear>();
    public DbSet<RepairDeadlineSetting> RepairDeadlineSettings => Set<RepairDeadlineSetting>();
    public DbSet<RepairTicket> RepairTickets => Set<RepairTicket>();
    public DbSet<RepairStep> RepairSteps => Set<RepairStep>();
    public DbSet<SafetyInspection> SafetyInspections => Set<SafetyInspection>();
    public DbSet<SafetyFinding> SafetyFindings => Set<SafetyFinding>();
    public DbSet<SchoolPolicy> SchoolPolicies => Set<SchoolPolicy>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<TrainingAttendance> TrainingAttendances => Set<TrainingAttendance>();
    public DbSet<ArchiveDocument> ArchiveDocuments => Set<ArchiveDocument>();
    public DbSet<SmartboardLesson> SmartboardLessons => Set<SmartboardLesson>();
    public DbSet<DemoLesson> DemoLessons => Set<DemoLesson>();
    public DbSet<LessonCompetition> LessonCompetitions => Set<LessonCompetition>();
    public DbSet<RepairFigureSnapshot> RepairFigureSnapshots => Set<RepairFigureSnapshot>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<PlanTarget> PlanTargets => Set<PlanTarget>();
    public DbSet<PlanTargetEntry> PlanTargetEntries => Set<PlanTargetEntry>();
    public DbSet<CountyFeedback> CountyFeedback => Set<CountyFeedback>();
    public DbSet<MetricSnapshot> MetricSnapshots => Set<MetricSnapshot>();
    public DbSet<CloudSpaceTerm> CloudSpaceTerms => Set<CloudSpaceTerm>();
    public DbSet<CloudSpaceStatistic> CloudSpaceStatistics => Set<CloudSpaceStatistic>();
    public DbSet<CloudSpaceManualEntry> CloudSpaceManualEntries => Set<CloudSpaceManualEntry>();
    public DbSet<CloudSpaceAward> CloudSpaceAwards => Set<CloudSpaceAward>();
    public DbSet<AwardRound> AwardRounds => Set<AwardRound>();
    public DbSet<AwardEntry> AwardEntries => Set<AwardEntry>();
    public DbSet<AwardAssignment> AwardAssignments => Set<AwardAssignment>();
    public DbSet<AwardScore> AwardScores => Set<AwardScore>();
    public DbSet<NewsItem> NewsItems => Set<NewsItem>();
    public DbSet<Guide> Guides => Set<Guide>();
    public DbSet<UserFeedback> UserFeedback => Set<UserFeedback>();
    public DbSet<Circular> Circulars => Set<Circular>();
    public DbSet<CircularNumberCounter> CircularNumberCounters => Set<CircularNumberCounter>();
    public DbSet<Domain.Exports.ExportJob> ExportJobs => Set<Domain.Exports.ExportJob>();
    public DbSet<Bulletin> Bulletins => Set<Bulletin>();
    public DbSet<BulletinSettings> BulletinSettings => Set<BulletinSettings>();
    public DbSet<BulletinRun> BulletinRuns => Set<BulletinRun>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EduPortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset text; store it as a sortable binary number there.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
        // PostgreSQL refuses offsets other than zero: every DateTimeOffset is written as the same instant in UTC.
        else if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditLog();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditLog();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The audit log is append-only: no code path may edit or delete an entry.</summary>
    private void GuardAuditLog()
    {
        foreach (var entry in ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit log is append-only.");
            }
        }
    }
}
