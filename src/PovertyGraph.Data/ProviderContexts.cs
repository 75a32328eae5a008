using Microsoft.EntityFrameworkCore;

namespace PovertyGraph.Data;

/// <summary>SQLite, the embedded default. Migrations under Migrations/Sqlite.</summary>
public sealed class SqlitePovertyGraphDbContext(DbContextOptions<SqlitePovertyGraphDbContext> options) : PovertyGraphDbContext(options);

/// <summary>PostgreSQL, the production store. Migrations under Migrations/Postgres.</summary>
public sealed class PostgresPovertyGraphDbContext(DbContextOptions<PostgresPovertyGraphDbContext> options) : PovertyGraphDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        CodePointCollation.ApplyToPostgres(modelBuilder);
    }
}
