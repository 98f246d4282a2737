using EduPortal.Domain.Feedback;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Feedback;

internal sealed class UserFeedbackConfiguration : IEntityTypeConfiguration<UserFeedback>
{
    public void Configure(EntityTypeBuilder<UserFeedback> builder)
    {
        builder.ToTable("UserFeedback");
        builder.Property(f => f.SenderId).HasMaxLength(450).IsRequired();
        builder.Property(f => f.SenderName).HasMaxLength(60).IsRequired();
        builder.Property(f => f.SenderUnitName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(f => f.SenderPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(f => f.BureauPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(f => f.Text).HasMaxLength(UserFeedback.MaxTextLength).IsRequired();
        builder.Property(f => f.Reply).HasMaxLength(UserFeedback.MaxReplyLength);
        builder.Property(f => f.ScreenshotKey).HasMaxLength(200).IsUnicode(false);
        builder.Property(f => f.ScreenshotThumbnailKey).HasMaxLength(200).IsUnicode(false);
        builder.Property(f => f.RepliedByName).HasMaxLength(60);
        builder.Property(f => f.ClosedByName).HasMaxLength(60);
        builder.Ignore(f => f.HasUnreadReply);
        builder.HasIndex(f => new { f.SenderId, f.SentAt });
        builder.HasIndex(f => new { f.BureauPath, f.Status });
    }
}
