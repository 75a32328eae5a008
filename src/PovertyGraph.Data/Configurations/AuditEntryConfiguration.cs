using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Subject).HasMaxLength(200).IsRequired();
        b.Property(x => x.Role).HasMaxLength(20).IsRequired();
        b.Property(x => x.Organization).HasMaxLength(64);
        b.Property(x => x.OperationName).HasMaxLength(200);
        b.Property(x => x.QueryHash).HasMaxLength(64).IsRequired();
        // Stored as Unix milliseconds: sortable and comparable on SQLite, unlike DateTimeOffset text.
        b.Property(x => x.At).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.Subject);
    }
}

internal sealed class DatasetInfoConfiguration : IEntityTypeConfiguration<DatasetInfo>
{
    public void Configure(EntityTypeBuilder<DatasetInfo> b)
    {
        b.ToTable("DatasetInfo");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.BuiltAt).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
    }
}

internal sealed class DatasetChangeConfiguration : IEntityTypeConfiguration<DatasetChange>
{
    public void Configure(EntityTypeBuilder<DatasetChange> b)
    {
        b.ToTable("DatasetChanges");
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).HasMaxLength(40).IsRequired();
        b.Property(x => x.Kind).HasMaxLength(10).IsRequired();
        b.Property(x => x.At).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        b.Property(x => x.Tables).IsRequired();
        b.Property(x => x.Figures).IsRequired();
    }
}
