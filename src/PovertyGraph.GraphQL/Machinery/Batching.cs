using GraphQL.DataLoader;

namespace PovertyGraph.GraphQL.Machinery;

/// <summary>
/// A deferred value GraphQL.NET resolves after every field of the current level has been visited, so that
/// all the keys one level asks for are known before the single query that serves them runs.
/// </summary>
public sealed class Deferred<T>(Func<CancellationToken, Task<T>> run) : IDataLoaderResult<T>
{
    private Task<T>? _task;
    private readonly Lock _gate = new();

    public Task<T> GetResultAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return _task ??= run(cancellationToken);
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);

    public Deferred<TResult> Then<TResult>(Func<T, TResult> map) => new(async ct => map(await GetResultAsync(ct)));
}

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
