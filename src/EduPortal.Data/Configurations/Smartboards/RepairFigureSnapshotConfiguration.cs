using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

internal sealed class RepairFigureSnapshotConfiguration : IEntityTypeConfiguration<RepairFigureSnapshot>
{
    public void Configure(EntityTypeBuilder<RepairFigureSnapshot> builder)
    {
        builder.ToTable("RepairFigureSnapshots");
        builder.Property(s => s.SchoolPath).HasMaxLength(200).IsUnicode(false).IsRequired();
        // A roll-up, rebuilt whole each night: no foreign keys, so deleting a school or a ticket never waits on it.
        builder.HasIndex(s => new { s.Day, s.SchoolId }).IsUnique();
        builder.HasIndex(s => new { s.Day, s.CountyId });
        builder.HasIndex(s => new { s.Day, s.TownshipId });
    }
}
