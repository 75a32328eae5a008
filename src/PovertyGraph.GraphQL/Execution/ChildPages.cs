using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// Runs a nested connection's page plan for a batch of parents in one statement: the parents' collection navigation,
/// filtered, ordered and limited inside the projection, which EF turns into ROW_NUMBER() OVER (PARTITION BY parent).
/// </summary>
public static class ChildPages
{
    public static Task<IReadOnlyDictionary<int, Page>> LoadAsync(QueryRuntime runtime, ConnectionPlan plan, IReadOnlyCollection<int> parentIds, CancellationToken ct) =>
        Runners.GetOrAdd(plan.ParentType!.ClrType, t => (Runner)Activator.CreateInstance(typeof(Runner<>).MakeGenericType(t))!)
            .LoadAsync(runtime, plan, parentIds, ct);

    private static readonly ConcurrentDictionary<Type, Runner> Runners = new();

    private abstract class Runner
    {
        public abstract Task<IReadOnlyDictionary<int, Page>> LoadAsync(QueryRuntime runtime, ConnectionPlan plan, IReadOnlyCollection<int> parentIds, CancellationToken ct);
    }

    private sealed class Runner<T> : Runner where T : class
    {
        public override async Task<IReadOnlyDictionary<int, Page>> LoadAsync(QueryRuntime runtime, ConnectionPlan plan, IReadOnlyCollection<int> parentIds, CancellationToken ct)
        {
            if (plan.Size == 0) return parentIds.ToDictionary(id => id, _ => Page.Empty);
            var relation = plan.Relation!;
            var child = relation.Target;
            var projection = new ProjectionPlan(runtime.Model, plan.Type, plan.Viewer, plan.Rows!, plan.Order.Select(k => k.Expression).ToList(), plan.Partners);
            var c = Expression.Parameter(child, "c");
            var p = Expression.Parameter(typeof(T), "p");
            Expression items = ParameterReplacer.Apply(relation.Navigation, p);
            void Where(LambdaExpression predicate) => items = Expression.Call(QueryMethods.EnumerableWhere.MakeGenericMethod(child), items, predicate);
            var ids = parentIds.ToList();
            var parents = QueryMethods.Parameter(ids, typeof(IEnumerable<int>));
            // Restrict the children to these parents by their foreign key first: otherwise the database numbers the
            // whole child table (ROW_NUMBER over every person) before joining.
            Where(Expression.Lambda(Expression.Call(QueryMethods.EnumerableContains.MakeGenericMethod(typeof(int)),
                parents, ParameterReplacer.Apply(relation.ChildForeignKey, c)), c));
            items = ChildWindow.Apply(items, plan);
            items = Expression.Call(QueryMethods.EnumerableSelect.MakeGenericMethod(child, typeof(object?[])), items, projection.Selector);
            await using var db = runtime.CreateDbContext();
            items = ParentNavigation.Rewrite(items, plan.Type, relation, runtime.Model.For(typeof(T)), db.Set<T>());
            items = Expression.Call(QueryMethods.EnumerableToList.MakeGenericMethod(typeof(object?[])), items);
            var id = ParameterReplacer.Apply(runtime.Model.For(typeof(T)).Fields[0].Expression, p);
            var selector = Expression.Lambda<Func<T, ChildRows>>(Expression.MemberInit(Expression.New(typeof(ChildRows)),
                Expression.Bind(typeof(ChildRows).GetProperty(nameof(ChildRows.ParentId))!, id),
                Expression.Bind(typeof(ChildRows).GetProperty(nameof(ChildRows.Rows))!, items)), p);
            var inParents = Expression.Lambda<Func<T, bool>>(Expression.Call(QueryMethods.EnumerableContains.MakeGenericMethod(typeof(int)), parents, id), p);

            var query = db.Set<T>().Where(inParents).Select(selector);
            var results = await query.Provider.CreateQuery<ChildRows>(PlanValues.Bind(query.Expression, plan.Values)).ToListAsync(ct);
            return results.ToDictionary(r => r.ParentId, r => PageReader.Read(runtime, plan, projection, r.Rows));
        }
    }

    private sealed class ChildRows
    {
        public int ParentId { get; set; }
        public List<object?[]> Rows { get; set; } = [];
    }
}
