using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Plans;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("Plans");
        builder.Property(p => p.Title).HasMaxLength(Plan.MaxTitleLength).IsRequired();
        builder.Property(p => p.DocumentNumber).HasMaxLength(Plan.MaxDocumentNumberLength);
        builder.Property(p => p.OwnerName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(p => p.OwnerPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(p => p.CreatedById).HasMaxLength(450).IsRequired();
        builder.Property(p => p.CreatedByName).HasMaxLength(60).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.OwnerPath);
        builder.OwnsMany(p => p.Leaders, leaders =>
        {
            leaders.Rows("PlanLeaders", "PlanId");
            leaders.Property(l => l.Name).HasMaxLength(Plan.MaxNameLength).IsRequired();
            leaders.Property(l => l.Post).HasMaxLength(Plan.MaxPostLength).IsRequired();
        });
        builder.OwnsMany(p => p.Offices, offices =>
        {
            offices.Rows("PlanOffices", "PlanId");
            offices.Property(o => o.Name).HasMaxLength(Plan.MaxNameLength).IsRequired();
            offices.Property(o => o.Duty).HasMaxLength(Plan.MaxDutyLength).IsRequired();
        });
        builder.OwnsMany(p => p.SchoolLeads, leads =>
        {
            leads.Rows("PlanSchoolLeads", "PlanId");
            leads.Property(l => l.SchoolName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
            leads.Property(l => l.LeaderName).HasMaxLength(Plan.MaxNameLength).IsRequired();
            leads.Property(l => l.Post).HasMaxLength(Plan.MaxPostLength).IsRequired();
        });
    }
}
