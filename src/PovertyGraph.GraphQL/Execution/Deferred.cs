using GraphQL.DataLoader;

namespace PovertyGraph.GraphQL.Execution;

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
