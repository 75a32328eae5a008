using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.HasProvenance();
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.HasOne(x => x.Village).WithMany(x => x.Projects).HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.County).WithMany().HasForeignKey(x => x.CountyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Prefecture).WithMany().HasForeignKey(x => x.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Province).WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.VillageId);
        b.HasIndex(x => new { x.CountyId, x.Category });
        b.HasIndex(x => x.Category);
    }
}
