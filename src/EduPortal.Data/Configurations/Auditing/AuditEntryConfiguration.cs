using EduPortal.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.ActorId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.ActorName).HasMaxLength(60).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(60).IsUnicode(false).IsRequired();
        builder.Property(a => a.EntityType).HasMaxLength(60).IsUnicode(false).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.OrgPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(500).IsRequired();
        builder.HasIndex(a => a.OccurredAt);
        builder.HasIndex(a => a.OrgPath);
    }
}
