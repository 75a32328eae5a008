using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Configurations;

internal static class ProvenanceConfiguration
{
    /// <summary>The provenance columns every sourced entity shares.</summary>
    public static EntityTypeBuilder<T> HasProvenance<T>(this EntityTypeBuilder<T> b) where T : SourcedEntity
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.SourceDocumentId).HasMaxLength(64);
        b.Property(x => x.SourceReference).HasMaxLength(400);
        b.Property(x => x.SyntheticFields).HasMaxLength(400);
        b.HasOne(x => x.SourceDocument).WithMany().HasForeignKey(x => x.SourceDocumentId).OnDelete(DeleteBehavior.Restrict);
        return b;
    }
}
