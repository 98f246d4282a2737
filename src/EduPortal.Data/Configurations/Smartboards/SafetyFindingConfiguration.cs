using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class SafetyFindingConfiguration : IEntityTypeConfiguration<SafetyFinding>
{
    public void Configure(EntityTypeBuilder<SafetyFinding> builder)
    {
        builder.ToTable("SafetyFindings");
        builder.Property(f => f.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(f => f.Problem).HasMaxLength(SafetyInspection.MaxTextLength).IsRequired();
        builder.Property(f => f.ResponsiblePerson).HasMaxLength(SafetyInspection.MaxNameLength).IsRequired();
        builder.Property(f => f.SignOffNote).HasMaxLength(SafetyInspection.MaxTextLength);
        builder.Property(f => f.SignOffPhotoKey).HasMaxLength(300);
        builder.Property(f => f.SignedOffById).HasMaxLength(450);
        builder.Property(f => f.SignedOffByName).HasMaxLength(50);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.SchoolPath, f.IsRectified, f.RectifyBy });
        builder.HasIndex(f => new { f.IsRectified, f.RectifyBy });
    }
}
