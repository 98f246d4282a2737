using EduPortal.Data.Accounts;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Points;

internal sealed class PointEventConfiguration : IEntityTypeConfiguration<PointEvent>
{
    public void Configure(EntityTypeBuilder<PointEvent> builder)
    {
        builder.ToTable("PointEvents");
        builder.Property(e => e.TeacherId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.Type).HasMaxLength(PointEvent.MaxTypeLength).IsUnicode(false).IsRequired();
        builder.Property(e => e.Source).HasMaxLength(PointEvent.MaxSourceLength).IsUnicode(false).IsRequired();
        builder.Property(e => e.ExternalId).HasMaxLength(PointEvent.MaxExternalIdLength).IsRequired();
        // Idempotency: a platform sending the same event again finds it here.
        builder.HasIndex(e => new { e.Source, e.ExternalId }).IsUnique();
        builder.HasIndex(e => new { e.TeacherId, e.OccurredAt });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.TeacherId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Awards are derived (rebuilt from the raw events), so they carry no foreign keys that would slow the rebuild. Keyed in
/// the order the recompute writes them, teacher by teacher (issue 16): a run of consecutive teachers deletes and inserts
/// one contiguous range of the key instead of rows scattered over the whole table (an event-id key is random in teacher
/// order, since events arrive interleaved). Every reader names the teacher: 我的积分 (teacher, year), 积分任务 (teacher),
/// the recompute's prior window (teacher, previous year, event).
/// </summary>
internal sealed class PointAwardConfiguration : IEntityTypeConfiguration<PointAward>
{
    public void Configure(EntityTypeBuilder<PointAward> builder)
    {
        builder.ToTable("PointAwards");
        builder.HasKey(a => new { a.TeacherId, a.Year, a.EventId });
        builder.Property(a => a.EventId).ValueGeneratedNever();
        builder.Property(a => a.TeacherId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(200);
    }
}

internal sealed class PointTeacherTotalConfiguration : IEntityTypeConfiguration<PointTeacherTotal>
{
    public void Configure(EntityTypeBuilder<PointTeacherTotal> builder)
    {
        builder.ToTable("PointTeacherTotals");
        builder.HasKey(t => new { t.TeacherId, t.Year });
        builder.Property(t => t.TeacherId).HasMaxLength(450);
        builder.Ignore(t => t.ByCategory);
        builder.Property(t => t.Fingerprint).HasMaxLength(32).IsUnicode(false);
        builder.HasIndex(t => new { t.Year, t.Total });
    }
}

internal sealed class PointTeacherWeekConfiguration : IEntityTypeConfiguration<PointTeacherWeek>
{
    public void Configure(EntityTypeBuilder<PointTeacherWeek> builder)
    {
        builder.ToTable("PointTeacherWeeks");
        builder.HasKey(w => new { w.TeacherId, w.Year, w.WeekStart });
        builder.Property(w => w.TeacherId).HasMaxLength(450);
        // Covers the trend's "points per week" without touching the table.
        builder.HasIndex(w => new { w.Year, w.WeekStart, w.Points });
    }
}

/// <summary>
/// The date-range roll-ups share one shape (<see cref="PointTeacherPeriod"/>): keyed by (teacher, year, period start).
/// </summary>
internal static class PointTeacherPeriodConfiguration
{
    public static void Configure<TPeriod>(EntityTypeBuilder<TPeriod> builder, string table, System.Linq.Expressions.Expression<Func<TPeriod, DateOnly>> start)
        where TPeriod : PointTeacherPeriod
    {
        builder.ToTable(table);
        var startName = ((System.Linq.Expressions.MemberExpression)start.Body).Member.Name;
        builder.HasKey(nameof(PointTeacherPeriod.TeacherId), nameof(PointTeacherPeriod.Year), startName);
        builder.Property(p => p.TeacherId).HasMaxLength(450);
        builder.Ignore(p => p.Start);
        builder.Ignore(p => p.ByCategory);
    }
}

/// <summary>
/// Daily roll-up with the year-to-date sums: a date range is two lookups a teacher by its key (teacher, year, day), so
/// the table has no other index. On SQLite it is a <c>WITHOUT ROWID</c> table (migration <c>DailyPrefixSums</c>; EF
/// cannot declare it): the key's B-tree holds the row, so a lookup reads one B-tree and a row written is one B-tree entry,
/// not three. A test fails if a later migration rebuilds the table with a rowid. SQL Server clusters the table on the
/// key likewise; PostgreSQL finds the day through the key's index and reads the row from the heap.
/// </summary>
internal sealed class PointTeacherDayConfiguration : IEntityTypeConfiguration<PointTeacherDay>
{
    public void Configure(EntityTypeBuilder<PointTeacherDay> builder) => PointTeacherPeriodConfiguration.Configure(builder, "PointTeacherDays", d => d.Day);
}

/// <summary>
/// Monthly roll-up: a range of whole months, one row a teacher, with a (year, month) index covering its sums without
/// touching the table.
/// </summary>
internal sealed class PointTeacherMonthConfiguration : IEntityTypeConfiguration<PointTeacherMonth>
{
    public void Configure(EntityTypeBuilder<PointTeacherMonth> builder)
    {
        PointTeacherPeriodConfiguration.Configure(builder, "PointTeacherMonths", m => m.Month);
        builder.HasIndex(nameof(PointTeacherPeriod.Year), nameof(PointTeacherMonth.Month), nameof(PointTeacherPeriod.TeacherId), nameof(PointTeacherPeriod.Points),
            nameof(PointTeacherPeriod.SpaceBuilding), nameof(PointTeacherPeriod.TeachingApplication), nameof(PointTeacherPeriod.Interaction),
            nameof(PointTeacherPeriod.TeacherTraining), nameof(PointTeacherPeriod.CampusManagement), nameof(PointTeacherPeriod.SignInDays));
    }
}

internal sealed class PointDirtyTeacherConfiguration : IEntityTypeConfiguration<PointDirtyTeacher>
{
    public void Configure(EntityTypeBuilder<PointDirtyTeacher> builder)
    {
        builder.ToTable("PointDirtyTeachers");
        builder.Property(d => d.TeacherId).HasMaxLength(450).IsRequired();
    }
}

internal sealed class PointRuleSetVersionConfiguration : IEntityTypeConfiguration<PointRuleSetVersion>
{
    public void Configure(EntityTypeBuilder<PointRuleSetVersion> builder)
    {
        builder.ToTable("PointRuleSetVersions");
        builder.HasIndex(v => new { v.Year, v.Version }).IsUnique();
        builder.Property(v => v.RulesJson).IsRequired();
        builder.Property(v => v.CreatedById).HasMaxLength(450).IsRequired();
        builder.Property(v => v.CreatedByName).HasMaxLength(60).IsRequired();
        builder.Property(v => v.Note).HasMaxLength(200).IsRequired();
    }
}

internal sealed class PointApiKeyConfiguration : IEntityTypeConfiguration<PointApiKey>
{
    public void Configure(EntityTypeBuilder<PointApiKey> builder)
    {
        builder.ToTable("PointApiKeys");
        builder.Property(k => k.PlatformName).HasMaxLength(PointApiKey.MaxNameLength).IsRequired();
        builder.Property(k => k.Source).HasMaxLength(PointEvent.MaxSourceLength).IsUnicode(false).IsRequired();
        builder.Property(k => k.KeyHash).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(k => k.KeyPrefix).HasMaxLength(10).IsUnicode(false).IsRequired();
        builder.Property(k => k.IssuedByName).HasMaxLength(60).IsRequired();
        builder.Property(k => k.RevokedByName).HasMaxLength(60);
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.Ignore(k => k.IsActive);
    }
}

internal sealed class PointRecomputeRunConfiguration : IEntityTypeConfiguration<PointRecomputeRun>
{
    public void Configure(EntityTypeBuilder<PointRecomputeRun> builder)
    {
        builder.ToTable("PointRecomputeRuns");
        builder.Property(r => r.RequestedByName).HasMaxLength(60).IsRequired();
        builder.Property(r => r.Failure).HasMaxLength(500);
        builder.Ignore(r => r.Percent);
        builder.HasIndex(r => r.Year);
    }
}
