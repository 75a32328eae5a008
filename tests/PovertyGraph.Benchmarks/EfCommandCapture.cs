using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PovertyGraph.Benchmarks;

/// <summary>One SQL statement EF ran: its text, parameter values and how long it took (execute + read + close).</summary>
internal sealed record CapturedCommand(int Order, string Text, IReadOnlyList<(string Name, object? Value)> Parameters)
{
    public long Started { get; } = Stopwatch.GetTimestamp();
    public long Ended { get; set; }
    public double? Milliseconds => Ended == 0 ? null : Stopwatch.GetElapsedTime(Started, Ended).TotalMilliseconds;
}

/// <summary>
/// Listens to EF Core's DiagnosticListener while <see cref="Enabled"/> is set (off during timed runs, so EF builds no
/// event payloads then): the statements a GraphQL request ran, with parameters (for replaying them by hand) and
/// EF's own duration of each, from command start to the reader's disposal.
/// </summary>
internal sealed class EfCommandCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly string Executing = RelationalEventId.CommandExecuting.Name!;
    private static readonly string Executed = RelationalEventId.CommandExecuted.Name!;
    private static readonly string Compiling = CoreEventId.QueryCompilationStarting.Name!;
    private static readonly string ReaderClosing = RelationalEventId.DataReaderClosing.Name!;
    private static readonly string ReaderDisposing = RelationalEventId.DataReaderDisposing.Name!;

    private readonly ConcurrentDictionary<Guid, CapturedCommand> _commands = new();
    private readonly List<IDisposable> _subscriptions = [];
    private volatile bool _enabled;
    private int _order;
    private int _compilations;

    /// <summary>LINQ queries EF compiled (query cache misses) since <see cref="Start"/>.</summary>
    public int Compilations => _compilations;

    public EfCommandCapture() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public bool Enabled { get => _enabled; set => _enabled = value; }

    /// <summary>Starts a fresh capture.</summary>
    public void Start()
    {
        _commands.Clear();
        _order = 0;
        _compilations = 0;
        Enabled = true;
    }

    /// <summary>Stops capturing; the statements in the order they started.</summary>
    public List<CapturedCommand> Stop()
    {
        Enabled = false;
        return _commands.Values.OrderBy(c => c.Order).ToList();
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => _enabled && (name == Executing || name == Executed || name == ReaderClosing || name == ReaderDisposing || name == Compiling)));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        if (!_enabled) return;
        if (e.Key == Compiling)
        {
            Interlocked.Increment(ref _compilations);
            return;
        }
        switch (e.Value)
        {
            // From the start of execution to the last sign of the statement: executed (scalars), reader closed or disposed.
            case CommandEventData d when e.Key == Executing:
                _commands[d.CommandId] = new CapturedCommand(Interlocked.Increment(ref _order), d.Command.CommandText, Parameters(d.Command));
                break;
            case CommandEndEventData d:
                End(d.CommandId);
                break;
            case DataReaderClosingEventData d:
                End(d.CommandId);
                break;
            case DataReaderDisposingEventData d:
                End(d.CommandId);
                break;
        }
    }

    private void End(Guid commandId)
    {
        if (_commands.TryGetValue(commandId, out var command)) command.Ended = Stopwatch.GetTimestamp();
    }

    private static List<(string, object?)> Parameters(DbCommand command) =>
        command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value == DBNull.Value ? null : p.Value)).ToList();

    public void OnCompleted() { }
    public void OnError(Exception error) { }
}
