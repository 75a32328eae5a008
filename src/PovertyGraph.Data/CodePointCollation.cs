using Microsoft.EntityFrameworkCore;

namespace PovertyGraph.Data;

/// <summary>
/// Text compares and sorts by Unicode code point on every provider. SQLite's BINARY collation does that already;
/// on PostgreSQL every text column gets the "C" collation, which compares UTF-8 bytes, the same order. Otherwise a
/// PostgreSQL database created with a Chinese or English locale would sort 蛟河市 and 白城市 by pinyin or by its
/// locale's rules, and the order, the keyset cursors and the string comparisons (gt, lt) would differ by database.
/// </summary>
public static class CodePointCollation
{
    public const string PostgresCollation = "C";

    public static void ApplyToPostgres(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
                property.SetCollation(PostgresCollation);
        }
    }
}
