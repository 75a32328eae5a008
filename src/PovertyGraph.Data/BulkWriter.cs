using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data.Bulk;

namespace PovertyGraph.Data;

/// <summary>
/// Writes many entities inside the caller's transaction, reading table and column names and value converters
/// from the EF model. Used by the importer and the generator: EF's change tracker is far too slow for a million
/// rows. The provider's fastest path is chosen here, once: a prepared INSERT on SQLite, binary COPY on PostgreSQL.
/// </summary>
public sealed class BulkWriter(DbContext context, DbTransaction transaction)
{
    private readonly DbConnection _connection = context.Database.GetDbConnection();
    private readonly IBulkLoad _load = context.Database.IsNpgsql() ? new PostgresCopyLoad() : new SqliteInsertLoad();

    public int Insert<T>(IEnumerable<T> rows) where T : class =>
        _load.Write(_connection, transaction, BulkTable.For<T>(context), rows);

    /// <summary>
    /// Takes the secondary indexes and foreign keys of <typeparamref name="T"/>'s table off for several loads into a table
    /// that already holds rows (where <see cref="Insert{T}"/> keeps them); the returned action builds them again. Both in
    /// the caller's transaction. Nothing on SQLite.
    /// </summary>
    public Action DeferIndexes<T>() where T : class =>
        _load.DeferIndexes(_connection, BulkTable.For<T>(context));
}
