namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// Collects keys until the first result is awaited, then fetches them all in one call. Keys added after that
/// go to a fresh batch (the next level of the query).
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private sealed class Batch
    {
        public readonly HashSet<TKey> Keys = new();
        public Task<IReadOnlyDictionary<TKey, TValue>>? Running;
    }

    private readonly Lock _gate = new();
    private Batch _current = new();

    public Deferred<TValue?> Load(TKey key)
    {
        Batch batch;
        lock (_gate)
        {
            if (_current.Running != null) _current = new Batch();
            batch = _current;
            batch.Keys.Add(key);
        }
        return new Deferred<TValue?>(async ct =>
        {
            Task<IReadOnlyDictionary<TKey, TValue>> running;
            lock (_gate) running = batch.Running ??= fetch(batch.Keys.ToArray(), ct);
            var results = await running;
            return results.TryGetValue(key, out var value) ? value : default;
        });
    }
}
