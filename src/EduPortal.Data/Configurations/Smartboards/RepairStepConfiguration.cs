using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class RepairStepConfiguration : IEntityTypeConfiguration<RepairStep>
{
    public void Configure(EntityTypeBuilder<RepairStep> builder)
    {
        builder.ToTable("RepairSteps");
        builder.Property(s => s.ActorId).HasMaxLength(450);
        builder.Property(s => s.ActorName).HasMaxLength(50).IsRequired();
        builder.Property(s => s.Note).HasMaxLength(RepairTicket.MaxTextLength + 100);
        builder.Property(s => s.Parts).HasMaxLength(RepairTicket.MaxPartsLength);
        builder.Property(s => s.Cost).HasPrecision(12, 2);
        builder.HasIndex(s => s.TicketId);
    }
}
