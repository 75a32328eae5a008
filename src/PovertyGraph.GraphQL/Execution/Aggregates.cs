using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// Runs an aggregate or a grouping of a connection plan as one GROUP BY statement over the rows its filter matches;
/// for a nested connection, for a batch of parents at once (the parent key first in the GROUP BY).
/// </summary>
public static class Aggregates
{
    /// <param name="parentKey">For a nested connection, the child's key to its parent (c => c.VillageId), with the parents' IDs.</param>
    public static Task<List<AggregateRow>> RunAsync(QueryRuntime runtime, ConnectionPlan plan, AggregatePlan aggregate,
        (LambdaExpression Key, IReadOnlyCollection<int> Ids)? parentKey, CancellationToken ct) =>
        Runners.GetOrAdd(plan.Type.ClrType, t => (Runner)Activator.CreateInstance(typeof(Runner<>).MakeGenericType(t))!)
            .RunAsync(runtime, plan, aggregate, parentKey, ct);

    // By CLR type only: a runner must not keep a descriptor, since each server (schema) has its own model.
    private static readonly ConcurrentDictionary<Type, Runner> Runners = new();

    private abstract class Runner
    {
        public abstract Task<List<AggregateRow>> RunAsync(QueryRuntime runtime, ConnectionPlan plan, AggregatePlan aggregate,
            (LambdaExpression Key, IReadOnlyCollection<int> Ids)? parentKey, CancellationToken ct);
    }

    private sealed class Runner<T> : Runner where T : class
    {
        /// <summary>Enumerable.Sum/Average/Min/Max by name and result type, looked up once.</summary>
        private static readonly ConcurrentDictionary<(string Name, Type Result), MethodInfo> EnumerableAggregates = new();

        public override async Task<List<AggregateRow>> RunAsync(QueryRuntime runtime, ConnectionPlan plan, AggregatePlan request,
            (LambdaExpression Key, IReadOnlyCollection<int> Ids)? parent, CancellationToken ct)
        {
            await using var db = runtime.CreateDbContext();
            IQueryable<T> query = db.Set<T>();
            if (plan.Filter != null) query = query.Where((Expression<Func<T, bool>>)PlanValues.Bind(plan.Filter, plan.Values));
            var x = Expression.Parameter(typeof(T), "x");
            if (parent is { } p)
                query = query.Where((Expression<Func<T, bool>>)QueryMethods.KeyIn(Expression.Lambda(ParameterReplacer.Apply(p.Key, x), x), p.Ids.ToList(), typeof(int)));
            if (!request.IncludeNullKeys)
            {
                foreach (var dimension in request.Dimensions)
                {
                    var value = ParameterReplacer.Apply(dimension.Expression, x);
                    if (!value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) != null)
                        query = query.Where(Expression.Lambda<Func<T, bool>>(Expression.NotEqual(value, Expression.Constant(null, value.Type)), x));
                }
            }

            var grouped = request.Dimensions.Count == 0 && parent == null
                ? GroupAll(query, plan.Type, request)
                : GroupByKeys(query, plan.Type, request, parent?.Key, x);
            if (request.Dimensions.Count > 0 || parent != null)
            {
                // Order only by the key slots the GROUP BY bound (EF cannot order by an unbound member).
                var ordered = parent != null ? grouped.OrderBy(r => r.Key!.P) : null;
                for (var i = 0; i < request.Dimensions.Count; i++)
                {
                    ordered = ordered == null ? grouped.OrderBy(KeyIsNull(i)) : ordered.ThenBy(KeyIsNull(i));
                    ordered = ordered.ThenBy(KeyValue(i));
                }
                grouped = ordered!;
                if (request.First != null && parent == null) grouped = grouped.Take(request.First.Value);
            }
            var groups = await grouped.ToListAsync(ct);
            runtime.Charge(groups.Count);
            return groups;
        }

        private static Expression<Func<AggregateRow, bool>> KeyIsNull(int i) => i switch
        {
            0 => r => r.Key!.K0 == null, 1 => r => r.Key!.K1 == null, 2 => r => r.Key!.K2 == null, _ => r => r.Key!.K3 == null,
        };

        private static Expression<Func<AggregateRow, int?>> KeyValue(int i) => i switch
        {
            0 => r => r.Key!.K0, 1 => r => r.Key!.K1, 2 => r => r.Key!.K2, _ => r => r.Key!.K3,
        };

        private static IQueryable<AggregateRow> GroupAll(IQueryable<T> query, EntityDescriptor type, AggregatePlan request)
        {
            var grouped = query.GroupBy(_ => 1);
            var g = Expression.Parameter(typeof(IGrouping<int, T>), "g");
            return grouped.Select(Expression.Lambda<Func<IGrouping<int, T>, AggregateRow>>(Cells(g, type, request, null), g));
        }

        private static IQueryable<AggregateRow> GroupByKeys(IQueryable<T> query, EntityDescriptor type, AggregatePlan request, LambdaExpression? parentKey, ParameterExpression x)
        {
            // GROUP BY the raw columns (a CAST in the key would keep SQLite from grouping straight off an index);
            // the integer form of each key is computed in the SELECT list.
            var raw = new List<Expression>();
            if (parentKey != null) raw.Add(ParameterReplacer.Apply(parentKey, x));
            raw.AddRange(request.Dimensions.Select(d => ParameterReplacer.Apply(d.Expression, x)));
            var rawTypes = raw.Select(r => r.Type).Concat(Enumerable.Repeat(typeof(int), 5 - raw.Count)).ToArray();
            var rawKeyType = typeof(RawGroupKey<,,,,>).MakeGenericType(rawTypes);
            var key = Expression.Lambda(Expression.MemberInit(Expression.New(rawKeyType),
                raw.Select((r, i) => Expression.Bind(rawKeyType.GetProperty("V" + i)!, r))), x);
            var groupBy = QueryMethods.QueryableGroupBy.MakeGenericMethod(typeof(T), rawKeyType);
            var grouped = query.Provider.CreateQuery(Expression.Call(groupBy, query.Expression, Expression.Quote(key)));
            var groupingType = typeof(IGrouping<,>).MakeGenericType(rawKeyType, typeof(T));
            var g = Expression.Parameter(groupingType, "g");
            var groupKey = Expression.Property(g, "Key");
            var bindings = new List<MemberBinding>();
            var slot = 0;
            if (parentKey != null)
                bindings.Add(Expression.Bind(typeof(GroupKey).GetProperty(nameof(GroupKey.P))!, Expression.Convert(Expression.Property(groupKey, "V" + slot++), typeof(int?))));
            for (var i = 0; i < request.Dimensions.Count; i++)
                bindings.Add(Expression.Bind(typeof(GroupKey).GetProperty("K" + i)!, AsInt(Expression.Property(groupKey, "V" + slot++))));
            var keyValue = Expression.MemberInit(Expression.New(typeof(GroupKey)), bindings);
            var selector = Expression.Lambda(Cells(g, type, request, keyValue), g);
            var select = QueryMethods.QueryableSelect.MakeGenericMethod(groupingType, typeof(AggregateRow));
            return grouped.Provider.CreateQuery<AggregateRow>(Expression.Call(select, grouped.Expression, Expression.Quote(selector)));
        }

        /// <summary>Dimension values as int?: the sort keys' integer form, made nullable.</summary>
        private static Expression AsInt(Expression e)
        {
            var integer = SortBuilder.Normalise(e);
            return integer.Type == typeof(int?) ? integer : Expression.Convert(integer, typeof(int?));
        }

        /// <summary>new AggregateRow { Key = g.Key, Count = g.Count(), L0 = g.Sum(x => (long?)x.F), ... } for the requested functions only.</summary>
        private static Expression Cells(ParameterExpression g, EntityDescriptor type, AggregatePlan request, Expression? key)
        {
            var numeric = type.Fields.Where(f => f.Aggregatable).ToList();
            var bindings = new List<MemberBinding>
            {
                Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Count))!, Expression.Call(QueryMethods.EnumerableCount.MakeGenericMethod(typeof(T)), g)),
            };
            if (key != null) bindings.Add(Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Key))!, key));
            if (type.CellKey != null && request.Protected)
                bindings.Add(Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.CellKeySum))!, Call("Sum", g, type.CellKey, typeof(long?))));
            foreach (var (function, index) in request.Request.Values)
            {
                var field = numeric[index];
                var call = function switch
                {
                    AggregateFunction.Avg => Call("Average", g, field.Expression, typeof(double?)),
                    AggregateFunction.Sum => Call("Sum", g, field.Expression, typeof(long?)),
                    AggregateFunction.Min => Call("Min", g, field.Expression, typeof(long?)),
                    _ => Call("Max", g, field.Expression, typeof(long?)),
                };
                bindings.Add(Expression.Bind(AggregateRow.Slot(function, index), call));
            }
            return Expression.MemberInit(Expression.New(typeof(AggregateRow)), bindings);
        }

        private static Expression Call(string name, ParameterExpression g, LambdaExpression field, Type resultType)
        {
            var x = Expression.Parameter(typeof(T), "x");
            var body = ParameterReplacer.Apply(field, x);
            var selector = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(T), resultType), Expression.Convert(body, resultType), x);
            var method = EnumerableAggregates.GetOrAdd((name, resultType), key => typeof(Enumerable).GetMethods().Single(m => m.Name == key.Name
                && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 1 && m.GetParameters().Length == 2
                && m.GetParameters()[1].ParameterType is { IsGenericType: true } selectorType
                && selectorType.GetGenericTypeDefinition() == typeof(Func<,>) && selectorType.GetGenericArguments()[1] == key.Result));
            return Expression.Call(method.MakeGenericMethod(typeof(T)), g, selector);
        }
    }
}
