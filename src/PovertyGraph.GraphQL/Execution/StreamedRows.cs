using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// Runs a download's plan (<see cref="ConnectionPlan.Streamed"/>) as one statement: filter → ORDER BY with ID tiebreak →
/// the caller's projection (joined to-one rows, masked in SQL), without LIMIT. Rows are yielded one at a time as the
/// database returns them, so a caller that writes each row before asking for the next holds one row at a time, however
/// many the filter matches. Compiled once per plan shape, like pages (<see cref="CompiledPlans"/>).
/// </summary>
public static class StreamedRows
{
    public static async IAsyncEnumerable<EntityRow> RunAsync(QueryRuntime runtime, ConnectionPlan plan, [EnumeratorCancellation] CancellationToken ct)
    {
        if (!plan.Streamed) throw new ArgumentException("only a download's plan is streamed", nameof(plan));
        await using var db = runtime.CreateDbContext();
        var query = runtime.Compiled.Enabled
            ? runtime.Compiled.GetOrAdd(plan.Shape, () => Of(plan).Build(db, runtime, plan, compile: true))
            : Of(plan).Build(db, runtime, plan, compile: false);
        await foreach (var values in query.Stream(db, plan.Values).WithCancellation(ct))
            yield return new EntityRow(query.Projection, values);
    }

    private static readonly ConcurrentDictionary<Type, Builder> Builders = new();

    private static Builder Of(ConnectionPlan plan) =>
        Builders.GetOrAdd(plan.Type.ClrType, t => (Builder)Activator.CreateInstance(typeof(Builder<>).MakeGenericType(t))!);

    private abstract class Builder
    {
        public abstract CompiledQuery Build(PovertyGraphDbContext db, QueryRuntime runtime, ConnectionPlan plan, bool compile);
    }

    private sealed class Builder<T> : Builder where T : class
    {
        public override CompiledQuery Build(PovertyGraphDbContext db, QueryRuntime runtime, ConnectionPlan plan, bool compile)
        {
            IQueryable<T> query = db.Set<T>();
            if (plan.Filter != null) query = query.Where((Expression<Func<T, bool>>)plan.Filter);
            query = Keyset.OrderBy(query, plan.Order, reverse: false);
            var projection = new ProjectionPlan(runtime.Model, plan.Type, plan.Viewer, plan.Rows!, [], plan.Partners);
            var rows = query.Select((Expression<Func<T, object?[]>>)projection.Selector);
            return compile ? CompiledQuery.Compile(rows, projection, []) : new CompiledQuery(null, rows, projection);
        }
    }
}
