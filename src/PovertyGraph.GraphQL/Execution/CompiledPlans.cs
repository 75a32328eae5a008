using BitFaster.Caching.Lru;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// Compiled queries by plan shape (<see cref="Planning.ConnectionPlan.Shape"/>): plans that differ only in their values
/// share one query compiled once (<see cref="CompiledQuery"/>), which then runs without our expression building or
/// EF's own per-query work. Bounded; the least recently used shape goes first.
/// </summary>
public sealed class CompiledPlans(int capacity)
{
    private readonly ConcurrentLru<string, CompiledQuery>? _queries = capacity > 0 ? new ConcurrentLru<string, CompiledQuery>(capacity) : null;

    public bool Enabled => _queries != null;

    /// <summary>The compiled query of <paramref name="shape"/>, compiled by <paramref name="compile"/> on the shape's first sighting.</summary>
    public CompiledQuery GetOrAdd(string shape, Func<CompiledQuery> compile)
    {
        if (_queries!.TryGet(shape, out var compiled)) return compiled;
        compiled = compile();
        EngineEvents.Write(EngineEvents.PlanCompiled, shape);
        return _queries.GetOrAdd(shape, _ => compiled);
    }
}
