using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Configurations;

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> b)
    {
        b.HasProvenance();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.NamePinyin).HasMaxLength(200).IsRequired();
        b.Property(x => x.Code).HasMaxLength(12);
        b.HasIndex(x => x.NamePinyin);
        b.HasIndex(x => x.Name).IsUnique();
    }
}
