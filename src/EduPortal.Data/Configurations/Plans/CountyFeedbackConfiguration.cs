using EduPortal.Domain.Organization;
using EduPortal.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Plans;

internal sealed class CountyFeedbackConfiguration : IEntityTypeConfiguration<CountyFeedback>
{
    public void Configure(EntityTypeBuilder<CountyFeedback> builder)
    {
        builder.ToTable("CountyFeedback");
        builder.Property(f => f.CountyName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(f => f.CountyPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(f => f.Practices).HasMaxLength(CountyFeedback.MaxSectionLength).IsRequired();
        builder.Property(f => f.Highlights).HasMaxLength(CountyFeedback.MaxSectionLength).IsRequired();
        builder.Property(f => f.Suggestions).HasMaxLength(CountyFeedback.MaxSectionLength).IsRequired();
        builder.Property(f => f.Problems).HasMaxLength(CountyFeedback.MaxSectionLength).IsRequired();
        builder.Property(f => f.Reply).HasMaxLength(CountyFeedback.MaxReplyLength);
        builder.Property(f => f.SubmittedByName).HasMaxLength(60);
        builder.Property(f => f.RepliedByName).HasMaxLength(60);
        builder.Property(f => f.HandledByName).HasMaxLength(60);
        builder.Ignore(f => f.Period);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(f => f.CountyUnitId).OnDelete(DeleteBehavior.Restrict);
        // One feedback per county and month: a second start for the month opens the existing one.
        builder.HasIndex(f => new { f.CountyUnitId, f.Year, f.Month }).IsUnique();
        builder.HasIndex(f => new { f.Year, f.Month });
        builder.OwnsMany(f => f.Attachments, files => files.Files("CountyFeedbackAttachments", "CountyFeedbackId"));
    }
}
