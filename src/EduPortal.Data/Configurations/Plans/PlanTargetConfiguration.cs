using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Plans;

internal sealed class PlanTargetConfiguration : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> builder)
    {
        builder.ToTable("PlanTargets");
        builder.Property(t => t.Name).HasMaxLength(PlanTarget.MaxNameLength).IsRequired();
        builder.Property(t => t.MetricKey).HasMaxLength(MetricSnapshot.MaxKeyLength).IsUnicode(false).IsRequired();
        builder.Property(t => t.Unit).HasMaxLength(PlanTarget.MaxUnitLength).IsRequired();
        builder.Property(t => t.PlanOwnerPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(t => t.ScopeName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(t => t.ScopePath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(t => t.Baseline).HasPrecision(18, 4);
        builder.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.PlanOwnerPath);
        builder.HasIndex(t => t.ScopePath);
        builder.Ignore(t => t.IsHandEntered);
        builder.HasMany(t => t.Entries).WithOne().HasForeignKey(e => e.PlanTargetId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsMany(t => t.Steps, steps =>
        {
            steps.Rows("PlanTargetSteps", "PlanTargetId");
            steps.Property(s => s.Value).HasPrecision(18, 4);
        });
    }
}
