using EduPortal.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduPortal.Data.Configurations.Plans;

/// <summary>The shape every owned row of the plans module shares: its own table, the owner's key column and an id.</summary>
internal static class PlanOwnedRows
{
    public static OwnedNavigationBuilder<TOwner, TRow> Rows<TOwner, TRow>(this OwnedNavigationBuilder<TOwner, TRow> rows, string table, string ownerKey)
        where TOwner : class
        where TRow : class
    {
        rows.ToTable(table);
        rows.WithOwner().HasForeignKey(ownerKey);
        rows.HasKey("Id");
        return rows;
    }

    /// <summary>A <see cref="PlanFile"/> table (task evidence, feedback attachments, hand-entered values' evidence): the same columns everywhere.</summary>
    public static void Files<TOwner, TFile>(this OwnedNavigationBuilder<TOwner, TFile> files, string table, string ownerKey)
        where TOwner : class
        where TFile : PlanFile
    {
        files.Rows(table, ownerKey);
        files.Property(f => f.StoredPath).HasMaxLength(300).IsRequired();
        files.Property(f => f.FileName).HasMaxLength(PlanFile.MaxFileNameLength).IsRequired();
        files.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
        files.Property(f => f.UploadedByName).HasMaxLength(60).IsRequired();
    }
}
