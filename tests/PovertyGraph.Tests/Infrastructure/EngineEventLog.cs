using System.Collections.Concurrent;
using PovertyGraph.GraphQL.Execution;

namespace PovertyGraph.Tests.Infrastructure;

/// <summary>
/// Records the engine's diagnostic events (<see cref="EngineEvents"/>) while it is open. Events of every server in the
/// test process arrive here, so tests look for payloads of their own (a plan shape, an operation of their own).
/// </summary>
public sealed class EngineEventLog : IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentQueue<(string Name, object? Payload)> _events = new();
    private readonly IDisposable _subscription;

    private EngineEventLog() => _subscription = EngineEvents.Source.Subscribe(this);

    public static EngineEventLog Start() => new();

    public IReadOnlyList<object?> Payloads(string name) => _events.Where(e => e.Name == name).Select(e => e.Payload).ToList();

    public int Count(string name, Func<object?, bool>? match = null) => Payloads(name).Count(p => match == null || match(p));

    public void OnNext(KeyValuePair<string, object?> value) => _events.Enqueue((value.Key, value.Value));
    public void OnCompleted() { }
    public void OnError(Exception error) { }
    public void Dispose() => _subscription.Dispose();
}
