using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PovertyGraph.Data;

/// <summary>
/// Makes a cancelled request stop its SQLite statement. Microsoft.Data.Sqlite runs a statement synchronously and only
/// looks at the cancellation token before it starts, so a long aggregate would run to its end after its caller gave up
/// or its time limit passed. While a command runs, its token is registered to call <c>sqlite3_interrupt</c> on the
/// command's connection: SQLite then abandons the statement at its next step, with SQLITE_INTERRUPT. The registration
/// ends before the reader is closed, so an interrupt never reaches a statement the pooled connection runs later.
/// (PostgreSQL needs nothing of the kind: Npgsql cancels its commands on the token.)
/// </summary>
public sealed class SqliteInterruptOnCancel : DbCommandInterceptor
{
    public static readonly SqliteInterruptOnCancel Instance = new();

    private sealed class Watch(CancellationTokenRegistration registration)
    {
        public void End() => registration.Dispose(); // waits for an interrupt already under way
    }

    private readonly ConditionalWeakTable<DbCommand, Watch> _watches = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        End(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        End(command);
        return result;
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        End(command);
        return Task.CompletedTask;
    }

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        End(command);
        return Task.CompletedTask;
    }

    private void Start(DbCommand command, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || command.Connection is not SqliteConnection connection) return;
        var registration = cancellationToken.UnsafeRegister(static state =>
        {
            var connection = (SqliteConnection)state!;
            if (connection.Handle is { IsInvalid: false } handle) SQLitePCL.raw.sqlite3_interrupt(handle);
        }, connection);
        _watches.AddOrUpdate(command, new Watch(registration));
    }

    private void End(DbCommand command)
    {
        if (_watches.TryGetValue(command, out var watch) && _watches.Remove(command)) watch.End();
    }
}
