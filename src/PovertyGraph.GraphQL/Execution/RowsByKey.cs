using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>Rows by their keys (node IDs, to-one rows not joined, group keys), all columns at the caller's levels, in one statement.</summary>
public static class RowsByKey
{
    public static Task<IReadOnlyDictionary<object, EntityRow>> LoadAsync(QueryRuntime runtime, EntityDescriptor type, IReadOnlyCollection<object> keys, CancellationToken ct) =>
        Runners.GetOrAdd(type.ClrType, t => (Runner)Activator.CreateInstance(typeof(Runner<>).MakeGenericType(t))!).LoadAsync(runtime, type, keys, ct);

    // By CLR type only: a runner must not keep a descriptor, since each server (schema) has its own model.
    private static readonly ConcurrentDictionary<Type, Runner> Runners = new();

    private abstract class Runner
    {
        public abstract Task<IReadOnlyDictionary<object, EntityRow>> LoadAsync(QueryRuntime runtime, EntityDescriptor type, IReadOnlyCollection<object> keys, CancellationToken ct);
    }

    private sealed class Runner<T> : Runner where T : class
    {
        public override async Task<IReadOnlyDictionary<object, EntityRow>> LoadAsync(QueryRuntime runtime, EntityDescriptor type, IReadOnlyCollection<object> keys, CancellationToken ct)
        {
            var viewer = runtime.Viewer;
            var values = new PlanValues();
            var partners = viewer.Role == Role.Ngo ? values.Add(viewer.PartnerVillages.Order().ToList(), typeof(IEnumerable<int>)) : null;
            var projection = new ProjectionPlan(runtime.Model, type, viewer, RowSelection.All, [], partners);
            var key = type.Fields[0].Expression;
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(key.ReturnType))!;
            foreach (var k in keys) list.Add(Convert.ChangeType(k, key.ReturnType, System.Globalization.CultureInfo.InvariantCulture));
            var predicate = (Expression<Func<T, bool>>)QueryMethods.KeyIn(key, list, key.ReturnType);
            var selector = (Expression<Func<T, object?[]>>)PlanValues.Bind(projection.Selector, values.ToArguments());
            await using var db = runtime.CreateDbContext();
            var rows = await db.Set<T>().Where(predicate).Select(selector).ToListAsync(ct);
            runtime.Charge(rows.Count);
            return rows.Select(v => new EntityRow(projection, v)).ToDictionary(r => r.Id);
        }
    }
}
