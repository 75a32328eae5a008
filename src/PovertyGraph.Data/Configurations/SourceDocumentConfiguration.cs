using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Configurations;

internal sealed class SourceDocumentConfiguration : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(64);
        b.Property(x => x.Title).HasMaxLength(400).IsRequired();
        b.Property(x => x.Issuer).HasMaxLength(200).IsRequired();
        b.Property(x => x.DocumentNumber).HasMaxLength(100);
        b.Property(x => x.FileName).HasMaxLength(200);
    }
}
