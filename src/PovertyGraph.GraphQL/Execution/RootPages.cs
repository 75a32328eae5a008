using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// Runs a root connection's page plan as one statement: filter → keyset window → ORDER BY with ID tiebreak → LIMIT
/// size + 1 → the caller's projection (joined to-one rows, correlated counts, the total as a scalar subquery). Compiled
/// once per plan shape when compiled plans are on (<see cref="CompiledPlans"/>).
/// </summary>
public static class RootPages
{
    public static Task<Page> PageAsync(QueryRuntime runtime, ConnectionPlan plan, CancellationToken ct) => Of(plan).PageAsync(runtime, plan, ct);

    /// <summary>Every row the plan's filter matches, counted on its own.</summary>
    public static Task<int> CountAsync(QueryRuntime runtime, ConnectionPlan plan, CancellationToken ct) => Of(plan).CountAsync(runtime, plan, ct);

    private static readonly ConcurrentDictionary<Type, Runner> Runners = new();

    private static Runner Of(ConnectionPlan plan) =>
        Runners.GetOrAdd(plan.Type.ClrType, t => (Runner)Activator.CreateInstance(typeof(Runner<>).MakeGenericType(t))!);

    private abstract class Runner
    {
        public abstract Task<Page> PageAsync(QueryRuntime runtime, ConnectionPlan plan, CancellationToken ct);
        public abstract Task<int> CountAsync(QueryRuntime runtime, ConnectionPlan plan, CancellationToken ct);
    }

    private sealed class Runner<T> : Runner where T : class
    {
        private static readonly System.Reflection.MethodInfo Count = QueryMethods.QueryableCount.MakeGenericMethod(typeof(T));
        private static readonly System.Reflection.MethodInfo Take = typeof(Queryable).GetMethods()
            .Single(m => m.Name == nameof(Queryable.Take) && m.GetParameters()[1].ParameterType == typeof(int)).MakeGenericMethod(typeof(T));

        public override async Task<Page> PageAsync(QueryRuntime runtime, ConnectionPlan plan, CancellationToken ct)
        {
            if (plan.Size == 0) return Page.Empty;
            await using var db = runtime.CreateDbContext();
            List<object?[]> values;
            CompiledQuery query;
            if (runtime.Compiled.Enabled)
            {
                query = runtime.Compiled.GetOrAdd(plan.Shape, () => Build(db, runtime, plan, compile: true));
                values = await query.RunAsync(db, plan.Values, plan.Size + 1, ct);
                EngineEvents.Write(EngineEvents.CompiledPlanRun, plan.Shape);
            }
            else
            {
                query = Build(db, runtime, plan, compile: false);
                values = await query.RunAsync(db, plan.Values, plan.Size + 1, ct);
            }
            var projection = query.Projection;
            var page = PageReader.Read(runtime, plan, projection, values, plan.SelectsTotal ? projection.ExtraStart + plan.Order.Count : null);
            InlinePages.Attach(plan, query.InlinePages, page, runtime);
            return page;
        }

        private static CompiledQuery Build(PovertyGraphDbContext db, QueryRuntime runtime, ConnectionPlan plan, bool compile)
        {
            IQueryable<T> query = db.Set<T>();
            if (plan.Filter != null) query = query.Where((Expression<Func<T, bool>>)plan.Filter);
            var x = Expression.Parameter(typeof(T), "x");
            // The total as an uncorrelated scalar subquery (evaluated once): (SELECT COUNT(*) FROM … WHERE filter).
            List<LambdaExpression> extras = [.. plan.Order.Select(k => k.Expression)];
            if (plan.SelectsTotal) extras.Add(Expression.Lambda(Expression.Call(Count, query.Expression), x));
            // Each nested page a row fetches in the row's statement is one more column (JSON), after the sort keys and total.
            var inline = InlinePages.Columns(plan, runtime, extras.Count);
            extras.AddRange(inline.Select(p => p.Column));
            var projection = new ProjectionPlan(runtime.Model, plan.Type, plan.Viewer, plan.Rows!, extras, plan.Partners);
            if (plan.After != null) query = query.Where((Expression<Func<T, bool>>)plan.After);
            if (plan.Before != null) query = query.Where((Expression<Func<T, bool>>)plan.Before);
            query = Keyset.OrderBy(query, plan.Order, reverse: plan.Backward);
            query = query.Provider.CreateQuery<T>(Expression.Call(Take, query.Expression, plan.Limit));
            if (projection.HasCounts || plan.Rows!.Pages.Count > 0)
                query = Keyset.OrderBy(db.Set<T>().Where(IdIn(query, plan)), plan.Order, reverse: plan.Backward);
            var rows = query.Select((Expression<Func<T, object?[]>>)projection.Selector);
            var readers = inline.Select(p => p.Reader).ToList();
            return compile ? CompiledQuery.Compile(rows, projection, readers) : new CompiledQuery(null, rows, projection, readers);
        }

        /// <summary>
        /// x => page.Select(p => p.Id).Contains(x.Id). A database computes a row's whole SELECT list before it sorts, so a
        /// page whose rows carry correlated subqueries would compute them for every row the filter matched; selecting the
        /// page's IDs first (sort and limit in a subquery) and the row columns around it computes them for the page only.
        /// </summary>
        private static Expression<Func<T, bool>> IdIn(IQueryable<T> page, ConnectionPlan plan)
        {
            var id = plan.Type.Fields[0].Expression;
            var p = Expression.Parameter(typeof(T), "p");
            var ids = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(T), id.ReturnType], page.Expression,
                Expression.Quote(Expression.Lambda(ParameterReplacer.Apply(id, p), p)));
            var x = Expression.Parameter(typeof(T), "x"); // not the subquery's own parameter: EF rewrites each lambda apart
            return Expression.Lambda<Func<T, bool>>(Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [id.ReturnType], ids, ParameterReplacer.Apply(id, x)), x);
        }

        public override async Task<int> CountAsync(QueryRuntime runtime, ConnectionPlan plan, CancellationToken ct)
        {
            await using var db = runtime.CreateDbContext();
            IQueryable<T> query = db.Set<T>();
            if (plan.Filter != null) query = query.Where((Expression<Func<T, bool>>)PlanValues.Bind(plan.Filter, plan.Values));
            return await query.CountAsync(ct);
        }
    }
}
