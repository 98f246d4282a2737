using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class ArchiveDocumentConfiguration : IEntityTypeConfiguration<ArchiveDocument>
{
    public void Configure(EntityTypeBuilder<ArchiveDocument> builder)
    {
        builder.ToTable("ArchiveDocuments");
        builder.Property(d => d.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(d => d.Title).HasMaxLength(ArchiveDocument.MaxTitleLength).IsRequired();
        builder.Property(d => d.Content).HasMaxLength(ArchiveDocument.MaxContentLength);
        builder.Property(d => d.FileKey).HasMaxLength(200).IsUnicode(false);
        builder.Property(d => d.FileName).HasMaxLength(ArchiveDocument.MaxFileNameLength);
        builder.Property(d => d.RecordedById).HasMaxLength(450).IsRequired();
        builder.Property(d => d.RecordedByName).HasMaxLength(50).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.SchoolId, d.Kind, d.EntryDate });
    }
}
