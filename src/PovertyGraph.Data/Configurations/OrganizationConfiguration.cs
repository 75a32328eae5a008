using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.HasProvenance();
        b.Property(x => x.Key).HasMaxLength(64).IsRequired();
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.Key).IsUnique();
    }
}

internal sealed class OrganizationVillageConfiguration : IEntityTypeConfiguration<OrganizationVillage>
{
    public void Configure(EntityTypeBuilder<OrganizationVillage> b)
    {
        b.HasKey(x => new { x.OrganizationId, x.VillageId });
        b.HasOne(x => x.Organization).WithMany(x => x.PartnerVillages).HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Village).WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.VillageId);
    }
}
