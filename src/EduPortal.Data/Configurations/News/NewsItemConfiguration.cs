using EduPortal.Domain.News;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.News;

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> builder)
    {
        builder.ToTable("NewsItems");
        builder.Property(n => n.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(n => n.SchoolName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(n => n.AuthorId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.AuthorName).HasMaxLength(60).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(NewsItem.MaxTitleLength).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(NewsItem.MaxBodyLength).IsRequired();
        builder.Property(n => n.ReturnReason).HasMaxLength(NewsItem.MaxReasonLength);
        builder.Property(n => n.DeclineReason).HasMaxLength(NewsItem.MaxReasonLength);
        builder.Property(n => n.ReviewedByName).HasMaxLength(60);
        builder.Property(n => n.RecommendedByName).HasMaxLength(60);
        builder.Property(n => n.CountyDecisionByName).HasMaxLength(60);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(n => n.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.SchoolId, n.Status, n.PublishedAt });
        builder.HasIndex(n => new { n.CountyId, n.Recommendation });
        builder.HasIndex(n => new { n.AuthorId, n.SubmittedAt });
        builder.OwnsMany(n => n.Photos, photos =>
        {
            photos.ToTable("NewsPhotos");
            photos.WithOwner().HasForeignKey("NewsItemId");
            photos.HasKey(p => p.Id);
            photos.Property(p => p.FileKey).HasMaxLength(200).IsUnicode(false).IsRequired();
            photos.Property(p => p.ThumbnailKey).HasMaxLength(200).IsUnicode(false);
            photos.Property(p => p.ContentType).HasMaxLength(60).IsUnicode(false).IsRequired();
        });
    }
}
