using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Plans;

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> builder)
    {
        builder.ToTable("PlanTasks");
        builder.Property(t => t.Title).HasMaxLength(PlanTask.MaxTitleLength).IsRequired();
        builder.Property(t => t.Period).HasMaxLength(PlanTask.MaxPeriodLength).IsRequired();
        builder.Property(t => t.PlanOwnerPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(t => t.ResponsibleUnitName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(t => t.ResponsibleUnitPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(t => t.ResponsiblePeople).HasMaxLength(PlanTask.MaxPeopleLength).IsRequired();
        builder.Property(t => t.SupervisingOffice).HasMaxLength(PlanTask.MaxOfficeLength).IsRequired();
        builder.Property(t => t.CompletionSummary).HasMaxLength(PlanTask.MaxNoteLength);
        builder.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        // A school task's parent: no cascade (SQL Server refuses a second cascade path through the plan).
        builder.HasOne<PlanTask>().WithMany().HasForeignKey(t => t.ParentTaskId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.ResponsibleUnitId, t.DueDate });
        builder.HasIndex(t => t.PlanOwnerPath);
        builder.HasIndex(t => t.ResponsibleUnitPath);
        builder.Ignore(t => t.CompletedLate);
        builder.OwnsMany(t => t.Notes, notes =>
        {
            notes.Rows("PlanTaskNotes", "PlanTaskId");
            notes.Property(n => n.Text).HasMaxLength(PlanTask.MaxNoteLength).IsRequired();
            notes.Property(n => n.AuthorName).HasMaxLength(60).IsRequired();
        });
        builder.OwnsMany(t => t.Evidence, evidence => evidence.Files("PlanTaskEvidence", "PlanTaskId"));
    }
}
