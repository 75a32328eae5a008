using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Configurations;

internal sealed class PlanTargetConfiguration : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> b)
    {
        b.HasProvenance();
        b.Property(x => x.Region).HasMaxLength(100).IsRequired();
        b.Property(x => x.Indicator).HasMaxLength(300).IsRequired();
        b.Property(x => x.Unit).HasMaxLength(40);
        b.Property(x => x.ValueText).HasMaxLength(100);
        b.Property(x => x.Agency).HasMaxLength(200);
        // decimal on SQLite is stored as TEXT; plan values are few and never summed in SQL.
        b.Property(x => x.Value).HasPrecision(20, 4);
        b.HasIndex(x => new { x.RegionLevel, x.Region, x.Year });
        b.HasIndex(x => x.Indicator);
    }
}
