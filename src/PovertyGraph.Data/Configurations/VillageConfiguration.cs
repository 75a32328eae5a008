using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Configurations;

internal sealed class VillageConfiguration : IEntityTypeConfiguration<Village>
{
    public void Configure(EntityTypeBuilder<Village> b)
    {
        b.HasProvenance();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.NamePinyin).HasMaxLength(200).IsRequired();
        b.Property(x => x.Designations).HasMaxLength(200);
        b.HasOne(x => x.Township).WithMany(x => x.Villages).HasForeignKey(x => x.TownshipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.County).WithMany(x => x.Villages).HasForeignKey(x => x.CountyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Prefecture).WithMany().HasForeignKey(x => x.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Province).WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.TownshipId);
        b.HasIndex(x => new { x.CountyId, x.Name });
        b.HasIndex(x => x.PrefectureId);
        b.HasIndex(x => x.NamePinyin);
        b.HasIndex(x => x.Name);
        b.HasIndex(x => new { x.Registered, x.PlannedExitYear });
        b.HasIndex(x => x.PlannedExitYear);
    }
}
