using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Configurations;

internal sealed class CountyConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> b)
    {
        b.HasProvenance();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.NamePinyin).HasMaxLength(200).IsRequired();
        b.Property(x => x.Code).HasMaxLength(12);
        b.Property(x => x.NationalContiguousArea).HasMaxLength(100);
        b.HasOne(x => x.Prefecture).WithMany(x => x.Counties).HasForeignKey(x => x.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Province).WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PrefectureId, x.Name }).IsUnique();
        b.HasIndex(x => x.NamePinyin);
        b.HasIndex(x => x.Name);
        b.HasIndex(x => x.ContiguousArea);
    }
}
