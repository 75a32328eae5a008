using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Configurations;

internal sealed class TownshipConfiguration : IEntityTypeConfiguration<Township>
{
    public void Configure(EntityTypeBuilder<Township> b)
    {
        b.HasProvenance();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.NamePinyin).HasMaxLength(200).IsRequired();
        b.Property(x => x.Code).HasMaxLength(12);
        b.HasOne(x => x.County).WithMany(x => x.Townships).HasForeignKey(x => x.CountyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Prefecture).WithMany().HasForeignKey(x => x.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Province).WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CountyId, x.Name }).IsUnique();
        b.HasIndex(x => x.NamePinyin);
        b.HasIndex(x => x.Name);
    }
}
