using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class RepairTicketConfiguration : IEntityTypeConfiguration<RepairTicket>
{
    public void Configure(EntityTypeBuilder<RepairTicket> builder)
    {
        builder.ToTable("RepairTickets");
        builder.Property(t => t.AssetTag).HasMaxLength(40).IsRequired();
        builder.Property(t => t.DeviceName).HasMaxLength(100).IsRequired();
        builder.Property(t => t.ClassroomName).HasMaxLength(60);
        builder.Property(t => t.SchoolName).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        builder.Property(t => t.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.Property(t => t.ReporterId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.ReporterName).HasMaxLength(50).IsRequired();
        builder.Property(t => t.HeadTeacherId).HasMaxLength(450);
        builder.Property(t => t.Fault).HasMaxLength(RepairTicket.MaxTextLength).IsRequired();
        builder.Property(t => t.PhotoKey).HasMaxLength(300);
        builder.Property(t => t.AssigneeId).HasMaxLength(450);
        builder.Property(t => t.AssigneeName).HasMaxLength(50);
        builder.Property(t => t.TotalCost).HasPrecision(12, 2);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Steps).WithOne().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The three tier queues and the open lists of a school, township centre or county: each reads the open
        // states of one unit (then one tier), deadline first.
        builder.HasIndex(t => new { t.SchoolId, t.State, t.Tier, t.TierDeadline });
        builder.HasIndex(t => new { t.TownshipId, t.State, t.Tier, t.TierDeadline });
        builder.HasIndex(t => new { t.CountyId, t.State, t.Tier, t.TierDeadline });
        // The closed lists, newest first.
        builder.HasIndex(t => new { t.SchoolId, t.ClosedAt });
        builder.HasIndex(t => new { t.TownshipId, t.ClosedAt });
        builder.HasIndex(t => new { t.CountyId, t.ClosedAt });
        // The escalation job, the open-ticket check per device, the reporter's and head teacher's own tickets, the figures.
        builder.HasIndex(t => new { t.State, t.TierDeadline });
        builder.HasIndex(t => new { t.DeviceId, t.State });
        builder.HasIndex(t => new { t.ReporterId, t.State });
        builder.HasIndex(t => new { t.HeadTeacherId, t.State });
        builder.HasIndex(t => new { t.CountyId, t.RaisedAt });
        // The figures' open-ticket counts (RepairFiguresService.OpenAsync, the live part of every figures page): only the
        // open tickets (~5%), holding every column the grouped count reads, in (county, school) order — the city reads
        // it alone without a sort or a row look-up, a county seeks its part.
        builder.HasIndex(t => new { t.CountyId, t.SchoolId, t.TownshipId, t.State, t.TierDeadline, t.RaisedAt, t.EverOverdue, t.RepairMinutes })
            .HasFilter("\"State\" IN (1, 2, 3)").HasDatabaseName("IX_RepairTickets_OpenFigures");
        builder.Ignore(t => t.HasTownship);
    }
}
