using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Surveys;

internal sealed class SurveyRoundConfiguration : IEntityTypeConfiguration<SurveyRound>
{
    public void Configure(EntityTypeBuilder<SurveyRound> builder)
    {
        builder.ToTable("SurveyRounds");
        builder.Property(r => r.Title).HasMaxLength(SurveyRound.MaxTitleLength).IsRequired();
        builder.Property(r => r.OrgPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(r => r.OrgName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(r => r.OpenedById).HasMaxLength(450).IsRequired();
        builder.Property(r => r.OpenedByName).HasMaxLength(50).IsRequired();
        builder.Property(r => r.ClosedByName).HasMaxLength(50);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.OrgPath);
        builder.Ignore(r => r.IsClosed);
    }
}

internal sealed class SchoolSurveyConfiguration : IEntityTypeConfiguration<SchoolSurvey>
{
    public void Configure(EntityTypeBuilder<SchoolSurvey> builder)
    {
        builder.ToTable("SchoolSurveys");
        builder.HasOne(s => s.Round).WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // One form per school per round: two tabs starting a draft at once cannot create two.
        builder.HasIndex(s => new { s.RoundId, s.SchoolId }).IsUnique();
        builder.HasIndex(s => s.SchoolPath);
        builder.Property(s => s.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(s => s.SchoolName).HasMaxLength(SurveyRules.MaxSchoolNameLength);
        builder.Property(s => s.LabLeadName).HasMaxLength(SurveyRules.MaxNameLength);
        builder.Property(s => s.AdminName).HasMaxLength(SurveyRules.MaxNameLength);
        builder.Property(s => s.LabLeadPhone).HasMaxLength(20);
        builder.Property(s => s.AdminPhone).HasMaxLength(20);
        builder.Property(s => s.UpdatedByName).HasMaxLength(50);
        builder.Property(s => s.ReturnComment).HasMaxLength(300);
        builder.Property(s => s.Revision).IsConcurrencyToken();
        builder.OwnsMany(s => s.Rows, rows =>
        {
            rows.ToTable("SchoolSurveyRows");
            rows.WithOwner().HasForeignKey("SchoolSurveyId");
            rows.HasKey(r => r.Id);
            rows.Property(r => r.Subject).HasMaxLength(10).IsRequired();
        });
        builder.HasMany(s => s.History).WithOne().HasForeignKey(h => h.SchoolSurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Rows).AutoInclude();
        builder.Ignore(s => s.IsLocked);
    }
}

internal sealed class SurveyHistoryEntryConfiguration : IEntityTypeConfiguration<SurveyHistoryEntry>
{
    public void Configure(EntityTypeBuilder<SurveyHistoryEntry> builder)
    {
        builder.ToTable("SurveyHistory");
        builder.Property(h => h.ActorId).HasMaxLength(450).IsRequired();
        builder.Property(h => h.ActorName).HasMaxLength(50).IsRequired();
        builder.Property(h => h.Note).HasMaxLength(2000).IsRequired();
    }
}

internal sealed class SurveyReminderConfiguration : IEntityTypeConfiguration<SurveyReminder>
{
    public void Configure(EntityTypeBuilder<SurveyReminder> builder)
    {
        builder.ToTable("SurveyReminders");
        builder.HasOne<SurveyRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.SchoolId, r.SentAt });
        builder.Property(r => r.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(r => r.SentById).HasMaxLength(450).IsRequired();
        builder.Property(r => r.SentByName).HasMaxLength(50).IsRequired();
        builder.Property(r => r.SentByOrg).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
    }
}
