using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Configurations;

internal sealed class PrefectureConfiguration : IEntityTypeConfiguration<Prefecture>
{
    public void Configure(EntityTypeBuilder<Prefecture> b)
    {
        b.HasProvenance();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.NamePinyin).HasMaxLength(200).IsRequired();
        b.Property(x => x.Code).HasMaxLength(12);
        b.HasOne(x => x.Province).WithMany(x => x.Prefectures).HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProvinceId, x.Name }).IsUnique();
        b.HasIndex(x => x.NamePinyin);
        b.HasIndex(x => x.Name);
    }
}
