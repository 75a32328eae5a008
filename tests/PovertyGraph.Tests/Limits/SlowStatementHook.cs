using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PovertyGraph.Tests.Limits;

/// <summary>
/// Test-only: makes a statement slow on purpose. A command with a parameter equal to <see cref="Probe"/> (a filter value
/// no real row has) first runs a recursive count of a billion rows on its connection: a minute or more of work inside
/// one SQLite step, which only an interrupt can stop. The hook reports when such a statement starts and how it ended.
/// </summary>
public sealed class SlowStatementHook : DbCommandInterceptor
{
    public const string Probe = "slow-statement-probe";

    private const string Slow = "DROP TABLE IF EXISTS temp.slow_probe; " +
        "CREATE TEMP TABLE slow_probe AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT 1000000000) SELECT max(x) AS m FROM n; ";

    private readonly ConditionalWeakTable<DbCommand, object> _slow = new();
    private int _stopped, _finished;

    /// <summary>Released when a slow statement starts.</summary>
    public SemaphoreSlim Started { get; } = new(0);

    /// <summary>Released when a slow statement ends, stopped or not.</summary>
    public SemaphoreSlim Ended { get; } = new(0);

    /// <summary>Slow statements that ended with an error while their token was cancelled: stopped before their end.</summary>
    public int Stopped => Volatile.Read(ref _stopped);

    /// <summary>Slow statements that ran to their end.</summary>
    public int Finished => Volatile.Read(ref _finished);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, Probe)))
        {
            command.CommandText = Slow + command.CommandText;
            _slow.AddOrUpdate(command, this);
            Started.Release();
        }
        return ValueTask.FromResult(result);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        if (_slow.Remove(command))
        {
            Interlocked.Increment(ref _finished);
            Ended.Release();
        }
        return ValueTask.FromResult(result);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return Task.CompletedTask;
    }

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return Task.CompletedTask;
    }

    private void Stop(DbCommand command)
    {
        if (!_slow.Remove(command)) return;
        Interlocked.Increment(ref _stopped);
        Ended.Release();
    }
}
