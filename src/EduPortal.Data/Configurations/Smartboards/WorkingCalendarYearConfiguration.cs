using EduPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Smartboards;

/// <summary>The holiday arrangement per year; the dates are primitive collections (JSON on SQLite/SQL Server, date[] on PostgreSQL).</summary>
internal sealed class WorkingCalendarYearConfiguration : IEntityTypeConfiguration<WorkingCalendarYear>
{
    public void Configure(EntityTypeBuilder<WorkingCalendarYear> builder)
    {
        builder.ToTable("WorkingCalendarYears");
        builder.HasIndex(y => y.Year).IsUnique();
        builder.PrimitiveCollection(y => y.Holidays).IsRequired();
        builder.PrimitiveCollection(y => y.MakeUpDays).IsRequired();
        builder.Property(y => y.UpdatedByName).HasMaxLength(50);
    }
}
