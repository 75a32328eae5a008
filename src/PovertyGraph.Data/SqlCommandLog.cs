using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PovertyGraph.Data;

/// <summary>
/// Counts (and, when asked, records) the SQL commands EF executes: reads, scalars and writes. Tests use it to prove that a query's
/// number of statements does not grow with its page size, and that filters reach SQL.
/// </summary>
public sealed class SqlCommandLog : DbCommandInterceptor
{
    private long _count;
    private ConcurrentQueue<string>? _recorded;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Starts recording command texts; returns what was recorded until the returned scope is disposed.</summary>
    public Recording Record()
    {
        _recorded = new ConcurrentQueue<string>();
        return new Recording(this);
    }

    public sealed class Recording(SqlCommandLog log) : IDisposable
    {
        public IReadOnlyList<string> Commands => log._recorded?.ToArray() ?? [];
        public void Dispose() => log._recorded = null;
    }

    private void Seen(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        _recorded?.Enqueue(command.CommandText);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }
}
