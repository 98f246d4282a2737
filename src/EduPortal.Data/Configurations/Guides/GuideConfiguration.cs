using EduPortal.Domain.Guides;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Guides;

internal sealed class GuideConfiguration : IEntityTypeConfiguration<Guide>
{
    public void Configure(EntityTypeBuilder<Guide> builder)
    {
        builder.ToTable("Guides");
        builder.Property(g => g.Topic).HasMaxLength(Guide.MaxTopicLength).IsUnicode(false).IsRequired();
        builder.Property(g => g.Title).HasMaxLength(Guide.MaxTitleLength).IsRequired();
        builder.Property(g => g.Markdown).HasMaxLength(Guide.MaxMarkdownLength).IsRequired();
        builder.Property(g => g.UpdatedByName).HasMaxLength(60).IsRequired();
        builder.HasIndex(g => g.Topic).IsUnique();
    }
}
