using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Organization;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.ToTable("OrgUnits");
        builder.Property(o => o.Name).HasMaxLength(OrgUnit.MaxNameLength).IsRequired();
        // Paths are ASCII digits and slashes; 200 chars covers far deeper trees than four levels.
        builder.Property(o => o.Path).HasMaxLength(200).IsUnicode(false).IsRequired();
        builder.HasIndex(o => o.Path).IsUnique();
        // Two admins adding a unit under one parent at once: the second save fails instead of reusing a path number.
        builder.Property(o => o.ChildSequence).IsConcurrencyToken();
        builder.Property(o => o.Phone).HasMaxLength(20);
        builder.Property(o => o.Address).HasMaxLength(200);
        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Classes).WithOne(c => c.School).HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(o => o.Depth);
        builder.Ignore(o => o.IsSchool);
    }
}

internal sealed class SchoolClassConfiguration : IEntityTypeConfiguration<SchoolClass>
{
    public void Configure(EntityTypeBuilder<SchoolClass> builder)
    {
        builder.ToTable("SchoolClasses");
        builder.HasIndex(c => new { c.SchoolId, c.Grade, c.Number }).IsUnique();
        builder.Ignore(c => c.DisplayName);
    }
}
