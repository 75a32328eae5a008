using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.HasProvenance();
        b.Property(x => x.HeadName).HasMaxLength(40).IsRequired();
        b.Property(x => x.HeadIdNumber).HasMaxLength(18).IsRequired();
        b.Property(x => x.Phone).HasMaxLength(20).IsRequired();
        b.HasOne(x => x.Village).WithMany(x => x.Households).HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
        // Denormalised geography: plain indexed columns, kept consistent by the importer and generator.
        b.HasOne(x => x.Township).WithMany().HasForeignKey(x => x.TownshipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.County).WithMany().HasForeignKey(x => x.CountyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Prefecture).WithMany().HasForeignKey(x => x.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Province).WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.VillageId);
        b.HasIndex(x => x.TownshipId);
        // Covers the county × cause statistics (count, members, cell key) without touching the table.
        b.HasIndex(x => new { x.CountyId, x.PrimaryCause, x.MemberCount, x.CellKey });
        // The same for exit year × county (the README's persons-by-exit-year-and-county): at national scale the table
        // scan it replaces took twice as long (docs/SCALING.md).
        b.HasIndex(x => new { x.PlannedExitYear, x.CountyId, x.MemberCount, x.CellKey });
        // Paging inside a county: the index is already in row-ID order.
        b.HasIndex(x => x.CountyId);
        b.HasIndex(x => x.PrefectureId);
        b.HasIndex(x => x.PrimaryCause);
        b.HasIndex(x => x.PlannedExitYear);
        b.HasIndex(x => x.Type);
        b.HasIndex(x => x.Relocated);
    }
}
