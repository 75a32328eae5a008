using System.Data.Common;

namespace PovertyGraph.Data.Bulk;

/// <summary>
/// How one provider writes many rows into one table inside the caller's transaction. The only place that knows
/// how each database is bulk-loaded: <see cref="BulkWriter"/> picks one and every caller goes through it.
/// </summary>
internal interface IBulkLoad
{
    /// <returns>The number of rows written.</returns>
    int Write(DbConnection connection, DbTransaction transaction, BulkTable table, IEnumerable<object> rows);

    /// <summary>Takes the table's secondary indexes and foreign keys off until the returned action puts them back (or does nothing).</summary>
    Action DeferIndexes(DbConnection connection, BulkTable table);
}
