using EduPortal.Domain.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Exports;

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        builder.ToTable("ExportJobs");
        builder.Property(j => j.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(j => j.OwnerName).HasMaxLength(100).IsRequired();
        builder.Property(j => j.Kind).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(j => j.Title).HasMaxLength(200).IsRequired();
        builder.Property(j => j.ParametersJson).HasMaxLength(2000).IsRequired();
        builder.Property(j => j.Message).HasMaxLength(ExportJob.MaxMessageLength);
        builder.Property(j => j.FileKey).HasMaxLength(200).IsUnicode(false);
        builder.Property(j => j.FileName).HasMaxLength(200);
        builder.Property(j => j.ContentType).HasMaxLength(100).IsUnicode(false);
        // The owner's list (newest first) and the per-user limit; no foreign key: a deleted account's files still expire.
        builder.HasIndex(j => new { j.OwnerId, j.RequestedAt });
        builder.HasIndex(j => new { j.Status, j.ExpiresAt });
    }
}
