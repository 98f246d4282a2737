using EduPortal.Domain.Circulars;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Circulars;

internal sealed class CircularConfiguration : IEntityTypeConfiguration<Circular>
{
    public void Configure(EntityTypeBuilder<Circular> builder)
    {
        builder.ToTable("Circulars");
        builder.Property(c => c.IssuerName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(c => c.IssuerPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(c => c.DocumentPrefix).HasMaxLength(DocumentNumber.MaxPrefixLength).IsRequired();
        builder.Property(c => c.DocumentNumber).HasMaxLength(DocumentNumber.MaxPrefixLength + 20);
        builder.Property(c => c.Title).HasMaxLength(Circular.MaxTitleLength).IsRequired();
        builder.Property(c => c.BodyMarkdown).HasMaxLength(Circular.MaxBodyLength).IsRequired();
        builder.Property(c => c.ContactName).HasMaxLength(Circular.MaxContactNameLength);
        builder.Property(c => c.ContactPhone).HasMaxLength(ContactPhones.MaxLength);
        builder.Property(c => c.SelectedUnitIds).HasMaxLength(4000).IsUnicode(false).IsRequired();
        builder.Property(c => c.CreatedByName).HasMaxLength(60).IsRequired();
        builder.Property(c => c.PublishedByName).HasMaxLength(60);
        builder.Property(c => c.WithdrawnByName).HasMaxLength(60);
        builder.Ignore(c => c.Selection);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.IssuerUnitId).OnDelete(DeleteBehavior.Restrict);
        // The safety net under the counter: one number per issuer and year, ever (drafts have none).
        builder.HasIndex(c => new { c.IssuerUnitId, c.Year, c.Number }).IsUnique();
        builder.HasIndex(c => new { c.Status, c.PublishedAt });

        builder.OwnsMany(c => c.Milestones, m =>
        {
            m.ToTable("CircularMilestones");
            m.WithOwner().HasForeignKey("CircularId");
            m.HasKey(x => x.Id);
            m.Property(x => x.Label).HasMaxLength(CircularMilestone.MaxLabelLength).IsRequired();
        });
        builder.OwnsMany(c => c.Attachments, a =>
        {
            a.ToTable("CircularAttachments");
            a.WithOwner().HasForeignKey("CircularId");
            a.HasKey(x => x.Id);
            a.Property(x => x.StoredPath).HasMaxLength(300).IsRequired();
            a.Property(x => x.FileName).HasMaxLength(CircularAttachment.MaxFileNameLength).IsRequired();
            a.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        });
        builder.OwnsMany(c => c.Reminders, r =>
        {
            r.ToTable("CircularReminders");
            r.WithOwner().HasForeignKey("CircularId");
            r.HasKey(x => x.Id);
            r.Property(x => x.ByName).HasMaxLength(60).IsRequired();
        });
        builder.OwnsMany(c => c.Recipients, r =>
        {
            r.ToTable("CircularRecipients");
            r.WithOwner().HasForeignKey("CircularId");
            r.HasKey(x => x.Id);
            r.Property(x => x.UnitName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
            r.Property(x => x.UnitPath).HasMaxLength(200).IsUnicode(false).IsRequired();
            // Acknowledged once: two admins of a unit signing at the same moment — the second save finds the row changed.
            r.Property(x => x.AcknowledgedAt).IsConcurrencyToken();
            r.Property(x => x.AcknowledgedById).HasMaxLength(450);
            r.Property(x => x.AcknowledgedByName).HasMaxLength(60);
            r.Property(x => x.ReplyText).HasMaxLength(CircularRecipient.MaxReplyTextLength);
            r.Property(x => x.ReplyFilePath).HasMaxLength(300);
            r.Property(x => x.ReplyFileName).HasMaxLength(CircularAttachment.MaxFileNameLength);
            r.Property(x => x.ReplyContentType).HasMaxLength(100);
            r.Property(x => x.RepliedByName).HasMaxLength(60);
            r.HasIndex("CircularId", nameof(CircularRecipient.UnitId)).IsUnique();
            r.HasIndex(x => new { x.UnitId, x.AcknowledgedAt });
        });
    }
}
