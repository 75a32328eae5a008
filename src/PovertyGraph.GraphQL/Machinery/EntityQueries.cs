using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;

namespace PovertyGraph.GraphQL.Machinery;

/// <summary>
/// The generic query engine, one instance per entity type. Every method builds one LINQ query from the
/// arguments (row source → where → order with ID tiebreak → keyset page → projection, or GROUP BY) and runs
/// it as one SQL statement. It knows no entity by name.
/// </summary>
public abstract class EntityQueries
{
    /// <summary>
    /// A page; with <paramref name="withTotal"/> the same statement also counts every row the filter matched. With
    /// <paramref name="prepare"/> (a root page), a request seen before is prepared; <paramref name="ready"/>, its
    /// <see cref="PreparedPage"/>, runs as it is (it was built with its own prefetch and total).
    /// </summary>
    public abstract Task<Page> PageAsync(QueryRuntime runtime, ConnectionArguments args, CancellationToken ct, RowPrefetch? prefetch = null, bool withTotal = false,
        PreparedPages.Key? prepare = null, PreparedPage? ready = null);
    public abstract Task<int> CountAsync(QueryRuntime runtime, IDictionary<string, object?>? where, CancellationToken ct);
    public abstract Task<IReadOnlyDictionary<object, EntityRow>> ByKeysAsync(QueryRuntime runtime, IReadOnlyCollection<object> keys, CancellationToken ct);
    public abstract Task<IReadOnlyDictionary<int, Page>> ChildPagesAsync(QueryRuntime runtime, ToManyRelation relation, IReadOnlyCollection<int> parentIds, ConnectionArguments args, CancellationToken ct, RowPrefetch? prefetch = null);
    public abstract Task<List<AggregateRow>> AggregateAsync(QueryRuntime runtime, AggregateQuery query, CancellationToken ct);

    public static EntityQueries Create(EntityDescriptor type) =>
        (EntityQueries)Activator.CreateInstance(typeof(EntityQueries<>).MakeGenericType(type.ClrType), type)!;
}

/// <summary>An aggregate or GROUP BY over the rows a filter matches, optionally per parent of a nested connection.</summary>
public sealed record AggregateQuery(
    IDictionary<string, object?>? Where, IReadOnlyList<Dimension> Dimensions, AggregateRequest Request,
    LambdaExpression? ParentKey = null, IReadOnlyCollection<int>? ParentIds = null, bool IncludeNullKeys = false, int? First = null,
    bool NeedsCellKey = false);

public sealed class EntityQueries<T>(EntityDescriptor type) : EntityQueries where T : class
{
    private static readonly MethodInfo EnumerableSelect = Method(typeof(Enumerable), "Select", 2, p => p[1].ParameterType.GetGenericArguments().Length == 2);
    private static readonly MethodInfo EnumerableWhere = Method(typeof(Enumerable), "Where", 2, p => p[1].ParameterType.GetGenericArguments().Length == 2);
    private static readonly MethodInfo EnumerableTake = Method(typeof(Enumerable), "Take", 2, p => p[1].ParameterType == typeof(int));
    private static readonly MethodInfo EnumerableToList = Method(typeof(Enumerable), "ToList", 1, _ => true);
    private static readonly MethodInfo EnumerableCount = Method(typeof(Enumerable), "Count", 1, _ => true);
    private static readonly MethodInfo EnumerableContains = Method(typeof(Enumerable), "Contains", 2, _ => true);

    private static readonly MethodInfo QueryableGroupBy = Method(typeof(Queryable), "GroupBy", 2, p => p[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2);
    private static readonly MethodInfo QueryableSelect = Method(typeof(Queryable), "Select", 2, p => p[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2);
    /// <summary>Enumerable.Sum/Average/Min/Max by name and result type, looked up once (aggregate queries are built per request).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, Type Result), MethodInfo> EnumerableAggregates = new();

    private static MethodInfo Method(Type owner, string name, int parameters, Func<ParameterInfo[], bool> match) =>
        owner.GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters && match(m.GetParameters()));

    private IQueryable<T> Filtered(PovertyGraphDbContext db, QueryRuntime runtime, IDictionary<string, object?>? where)
    {
        IQueryable<T> query = db.Set<T>();
        if (where is { Count: > 0 }) query = query.Where((Expression<Func<T, bool>>)runtime.Filters.Build(type, where));
        return query;
    }

    public override async Task<Page> PageAsync(QueryRuntime runtime, ConnectionArguments args, CancellationToken ct, RowPrefetch? prefetch = null, bool withTotal = false,
        PreparedPages.Key? prepare = null, PreparedPage? ready = null)
    {
        if (ready != null) return await RunAsync(runtime, ready, args, ct);
        var (size, backward) = args.Window(runtime.Paging);
        var keys = runtime.Sorts.Build(type, args.Order);
        var x = Expression.Parameter(typeof(T), "x");
        // Everything that can fail on bad input is checked before the database is touched.
        var after = args.After == null ? null : runtime.Cursors.Decode(keys, args.After, "after");
        var before = args.Before == null ? null : runtime.Cursors.Decode(keys, args.Before, "before");
        if (size == 0) return Page.Empty with { HasNextPage = false };
        await using var db = runtime.CreateDbContext();
        var query = Filtered(db, runtime, args.Where);
        // The total as an uncorrelated scalar subquery (evaluated once): (SELECT COUNT(*) FROM … WHERE filter).
        LambdaExpression? total = withTotal ? Expression.Lambda(Expression.Call(QueryableCount, query.Expression), x) : null;
        var plan = runtime.Plan(type, keys, prefetch, total == null ? null : [total]);
        if (after != null) query = query.Where((Expression<Func<T, bool>>)Keyset.After(keys, after, reverse: false, x));
        if (before != null) query = query.Where((Expression<Func<T, bool>>)Keyset.After(keys, before, reverse: true, x));
        query = Keyset.OrderBy(query, keys, reverse: backward).Take(size + 1);
        if (plan.HasCounts) query = Keyset.OrderBy(db.Set<T>().Where(IdIn(query)), keys, reverse: backward);
        var rows = query.Select((Expression<Func<T, object?[]>>)plan.Selector);
        var shape = new PageShape(plan, keys, size, backward, after != null || before != null, withTotal);
        if (prepare is { } key && runtime.Prepared.ShouldPrepare(key) && PreparedPage.TryCompile(rows, shape) is { } prepared)
        {
            // Seen before: compiled once (EF compiles on the first run), run compiled from now on.
            try
            {
                var page = await RunAsync(runtime, prepared, args, ct, db);
                runtime.Prepared.Store(key, prepared);
                return page;
            }
            catch (InvalidOperationException)
            {
                // A shape EF compiles only as an ordinary query: it stays one (the key is not offered again).
            }
        }
        return ToPage(runtime, shape, await rows.ToListAsync(ct), args);
    }

    private static async Task<Page> RunAsync(QueryRuntime runtime, PreparedPage page, ConnectionArguments args, CancellationToken ct, PovertyGraphDbContext? db = null)
    {
        var own = db == null ? runtime.CreateDbContext() : null;
        try
        {
            var values = new List<object?[]>(page.Shape.Size + 1);
            await foreach (var row in page.Rows(db ?? own!).WithCancellation(ct)) values.Add(row);
            return ToPage(runtime, page.Shape, values, args);
        }
        finally
        {
            if (own != null) await own.DisposeAsync();
        }
    }

    private static Page ToPage(QueryRuntime runtime, PageShape page, List<object?[]> values, ConnectionArguments args)
    {
        int? totalCount = !page.WithTotal ? null
            : values.Count > 0 ? Convert.ToInt32(values[0][page.Plan.ExtraStart + page.Keys.Count], System.Globalization.CultureInfo.InvariantCulture)
            : !page.HasCursor ? 0 // nothing matched at all
            : null; // an empty page past a cursor says nothing about the total
        return MakePage(runtime, page.Plan, page.Keys, values, page.Size, page.Backward, args) with { TotalCount = totalCount };
    }

    /// <summary>
    /// x => page.Select(p => p.Id).Contains(x.Id). A database computes a row's whole SELECT list before it sorts, so
    /// a page whose rows carry correlated counts would count the children of every row the filter matched; selecting
    /// the page's IDs first (sort and limit in a subquery) and the row columns around it counts them for the page only.
    /// </summary>
    private Expression<Func<T, bool>> IdIn(IQueryable<T> page)
    {
        var id = type.Fields[0].Expression;
        var ids = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(T), id.ReturnType], page.Expression, Expression.Quote(id));
        var x = Expression.Parameter(typeof(T), "x"); // not the subquery's own parameter: EF rewrites each lambda apart
        return Expression.Lambda<Func<T, bool>>(Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [id.ReturnType], ids, ParameterReplacer.Apply(id, x)), x);
    }

    private static readonly MethodInfo QueryableCount = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Count) && m.GetParameters().Length == 1).MakeGenericMethod(typeof(T));

    private static Page MakePage(QueryRuntime runtime, ProjectionPlan plan, IReadOnlyList<SortKey> keys, List<object?[]> values, int size, bool backward, ConnectionArguments args)
    {
        runtime.Charge(values.Count * (1 + plan.RelatedRowsPerRow));
        var more = values.Count > size;
        if (more) values.RemoveAt(values.Count - 1);
        if (backward) values.Reverse();
        var rows = values.Select(v => new EntityRow(plan, v)).ToList();
        var cursors = new LazyCursors(rows.Count, index => runtime.Cursors.Encode(keys, keys.Select((_, i) => rows[index].Extra(i)).ToList()));
        return new Page(rows, cursors,
            HasNextPage: backward ? args.Before != null : more,
            HasPreviousPage: backward ? more : args.After != null);
    }

    public override async Task<int> CountAsync(QueryRuntime runtime, IDictionary<string, object?>? where, CancellationToken ct)
    {
        await using var db = runtime.CreateDbContext();
        return await Filtered(db, runtime, where).CountAsync(ct);
    }

    public override async Task<IReadOnlyDictionary<object, EntityRow>> ByKeysAsync(QueryRuntime runtime, IReadOnlyCollection<object> keys, CancellationToken ct)
    {
        var plan = runtime.Plan(type, []);
        var key = type.Fields[0].Expression;
        var listType = typeof(List<>).MakeGenericType(key.ReturnType);
        var list = (System.Collections.IList)Activator.CreateInstance(listType)!;
        foreach (var k in keys) list.Add(Convert.ChangeType(k, key.ReturnType, System.Globalization.CultureInfo.InvariantCulture));
        var contains = EnumerableContains.MakeGenericMethod(key.ReturnType);
        var x = key.Parameters[0];
        var predicate = Expression.Lambda<Func<T, bool>>(Expression.Call(contains, ValueHolder<object>.Parameter(list, typeof(IEnumerable<>).MakeGenericType(key.ReturnType)), key.Body), x);
        await using var db = runtime.CreateDbContext();
        var values = await db.Set<T>().Where(predicate).Select((Expression<Func<T, object?[]>>)plan.Selector).ToListAsync(ct);
        runtime.Charge(values.Count);
        return values.Select(v => new EntityRow(plan, v)).ToDictionary(r => r.Id);
    }

    /// <summary>
    /// One page per parent in one statement: the parents' collection navigation, filtered, ordered and limited
    /// inside the projection, which EF turns into ROW_NUMBER() OVER (PARTITION BY parent).
    /// </summary>
    public override async Task<IReadOnlyDictionary<int, Page>> ChildPagesAsync(QueryRuntime runtime, ToManyRelation relation, IReadOnlyCollection<int> parentIds, ConnectionArguments args, CancellationToken ct, RowPrefetch? prefetch = null)
    {
        var child = runtime.Model.For(relation.Target);
        var (size, backward) = args.Window(runtime.Paging);
        var keys = runtime.Sorts.Build(child, args.Order);
        var plan = runtime.Plan(child, keys, prefetch);
        var c = Expression.Parameter(relation.Target, "c");
        var after = args.After == null ? null : runtime.Cursors.Decode(keys, args.After, "after");
        var before = args.Before == null ? null : runtime.Cursors.Decode(keys, args.Before, "before");
        if (size == 0) return parentIds.ToDictionary(id => id, _ => Page.Empty);

        var p = Expression.Parameter(typeof(T), "p");
        Expression items = ParameterReplacer.Apply(relation.Navigation, p);
        void Where(LambdaExpression predicate) => items = Expression.Call(EnumerableWhere.MakeGenericMethod(relation.Target), items, predicate);
        var ids = parentIds.ToList();
        var parentsParameter = ValueHolder<object>.Parameter(ids, typeof(IEnumerable<int>));
        // Restrict the children to these parents by their foreign key first: otherwise the database numbers the
        // whole child table (ROW_NUMBER over every person) before joining.
        Where(Expression.Lambda(Expression.Call(EnumerableContains.MakeGenericMethod(typeof(int)),
            parentsParameter, ParameterReplacer.Apply(relation.ChildForeignKey, c)), c));
        if (args.Where is { Count: > 0 }) Where(runtime.Filters.Build(child, args.Where));
        if (after != null) Where(Keyset.After(keys, after, reverse: false, c));
        if (before != null) Where(Keyset.After(keys, before, reverse: true, c));
        var first = true;
        foreach (var (key, descending) in Keyset.Steps(keys, backward))
        {
            var method = (first ? "OrderBy" : "ThenBy") + (descending ? "Descending" : "");
            items = Expression.Call(typeof(Enumerable), method, [relation.Target, key.ReturnType], items, key);
            first = false;
        }
        items = Expression.Call(EnumerableTake.MakeGenericMethod(relation.Target), items, Expression.Constant(size + 1));
        items = Expression.Call(EnumerableSelect.MakeGenericMethod(relation.Target, typeof(object?[])), items, plan.Selector);
        items = Expression.Call(EnumerableToList.MakeGenericMethod(typeof(object?[])), items);
        var id = (Expression<Func<T, int>>)Expression.Lambda(ParameterReplacer.Apply(type.Fields[0].Expression, p), p);
        var selector = Expression.Lambda<Func<T, ChildRows>>(Expression.MemberInit(Expression.New(typeof(ChildRows)),
            Expression.Bind(typeof(ChildRows).GetProperty(nameof(ChildRows.ParentId))!, id.Body),
            Expression.Bind(typeof(ChildRows).GetProperty(nameof(ChildRows.Rows))!, items)), p);
        var inParents = Expression.Lambda<Func<T, bool>>(Expression.Call(EnumerableContains.MakeGenericMethod(typeof(int)),
            parentsParameter, id.Body), p);

        await using var db = runtime.CreateDbContext();
        var results = await db.Set<T>().Where(inParents).Select(selector).ToListAsync(ct);
        return results.ToDictionary(r => r.ParentId, r => MakePage(runtime, plan, keys, r.Rows, size, backward, args));
    }

    private sealed class ChildRows
    {
        public int ParentId { get; set; }
        public List<object?[]> Rows { get; set; } = [];
    }

    public override async Task<List<AggregateRow>> AggregateAsync(QueryRuntime runtime, AggregateQuery request, CancellationToken ct)
    {
        await using var db = runtime.CreateDbContext();
        var query = Filtered(db, runtime, request.Where);
        var x = Expression.Parameter(typeof(T), "x");
        if (request.ParentKey != null)
        {
            var ids = request.ParentIds!.ToList();
            var contains = EnumerableContains.MakeGenericMethod(typeof(int));
            query = query.Where(Expression.Lambda<Func<T, bool>>(Expression.Call(contains,
                ValueHolder<object>.Parameter(ids, typeof(IEnumerable<int>)), ParameterReplacer.Apply(request.ParentKey, x)), x));
        }
        if (!request.IncludeNullKeys)
            foreach (var dimension in request.Dimensions)
            {
                var value = ParameterReplacer.Apply(dimension.Expression, x);
                if (!value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) != null)
                    query = query.Where(Expression.Lambda<Func<T, bool>>(Expression.NotEqual(value, Expression.Constant(null, value.Type)), x));
            }

        var grouped = request.Dimensions.Count == 0 && request.ParentKey == null
            ? GroupAll(query, request)
            : GroupByKeys(query, request, x);
        if (request.Dimensions.Count > 0 || request.ParentKey != null)
        {
            // Order only by the key slots the GROUP BY bound (EF cannot order by an unbound member).
            var ordered = request.ParentKey != null ? grouped.OrderBy(r => r.Key!.P) : null;
            for (var i = 0; i < request.Dimensions.Count; i++)
            {
                ordered = ordered == null ? grouped.OrderBy(KeyIsNull(i)) : ordered.ThenBy(KeyIsNull(i));
                ordered = ordered.ThenBy(KeyValue(i));
            }
            grouped = ordered!;
            if (request.First != null && request.ParentKey == null) grouped = grouped.Take(request.First.Value);
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

    private IQueryable<AggregateRow> GroupAll(IQueryable<T> query, AggregateQuery request)
    {
        var grouped = query.GroupBy(_ => 1);
        var g = Expression.Parameter(typeof(IGrouping<int, T>), "g");
        return grouped.Select(Expression.Lambda<Func<IGrouping<int, T>, AggregateRow>>(Aggregates(g, request, null), g));
    }

    private IQueryable<AggregateRow> GroupByKeys(IQueryable<T> query, AggregateQuery request, ParameterExpression x)
    {
        if (request.Dimensions.Count > GroupKey.MaxDimensions) throw QueryError.Argument($"groupBy takes at most {GroupKey.MaxDimensions} dimensions");
        // GROUP BY the raw columns (a CAST in the key would keep SQLite from grouping straight off an index);
        // the integer form of each key is computed in the SELECT list.
        var raw = new List<Expression>();
        if (request.ParentKey != null) raw.Add(ParameterReplacer.Apply(request.ParentKey, x));
        raw.AddRange(request.Dimensions.Select(d => ParameterReplacer.Apply(d.Expression, x)));
        var rawTypes = raw.Select(r => r.Type).Concat(Enumerable.Repeat(typeof(int), 5 - raw.Count)).ToArray();
        var rawKeyType = typeof(RawGroupKey<,,,,>).MakeGenericType(rawTypes);
        var key = Expression.Lambda(Expression.MemberInit(Expression.New(rawKeyType),
            raw.Select((r, i) => Expression.Bind(rawKeyType.GetProperty("V" + i)!, r))), x);
        var groupBy = QueryableGroupBy.MakeGenericMethod(typeof(T), rawKeyType);
        var grouped = query.Provider.CreateQuery(Expression.Call(groupBy, query.Expression, Expression.Quote(key)));
        var groupingType = typeof(IGrouping<,>).MakeGenericType(rawKeyType, typeof(T));
        var g = Expression.Parameter(groupingType, "g");
        var groupKey = Expression.Property(g, "Key");
        var bindings = new List<MemberBinding>();
        var slot = 0;
        if (request.ParentKey != null)
            bindings.Add(Expression.Bind(typeof(GroupKey).GetProperty(nameof(GroupKey.P))!, Expression.Convert(Expression.Property(groupKey, "V" + slot++), typeof(int?))));
        for (var i = 0; i < request.Dimensions.Count; i++)
            bindings.Add(Expression.Bind(typeof(GroupKey).GetProperty("K" + i)!, AsInt(Expression.Property(groupKey, "V" + slot++))));
        var keyValue = Expression.MemberInit(Expression.New(typeof(GroupKey)), bindings);
        var selector = Expression.Lambda(Aggregates(g, request, keyValue), g);
        var select = QueryableSelect.MakeGenericMethod(groupingType, typeof(AggregateRow));
        return (IQueryable<AggregateRow>)grouped.Provider.CreateQuery<AggregateRow>(Expression.Call(select, grouped.Expression, Expression.Quote(selector)));
    }

    /// <summary>Dimension values as int?: the sort keys' integer form, made nullable.</summary>
    private static Expression AsInt(Expression e)
    {
        var integer = SortBuilder.Normalise(e);
        return integer.Type == typeof(int?) ? integer : Expression.Convert(integer, typeof(int?));
    }

    /// <summary>new AggregateRow { Key = g.Key, Count = g.Count(), L0 = g.Sum(x => (long?)x.F), ... } for the requested functions only.</summary>
    private Expression Aggregates(ParameterExpression g, AggregateQuery request, Expression? key)
    {
        var numeric = type.Fields.Where(f => f.Aggregatable).ToList();
        var bindings = new List<MemberBinding>
        {
            Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Count))!, Expression.Call(EnumerableCount.MakeGenericMethod(typeof(T)), g)),
        };
        if (key != null) bindings.Add(Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Key))!, key));
        if (type.CellKey != null && request.NeedsCellKey)
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

/// <summary>The GROUP BY key as raw column values (parent first when nested); unused slots stay unbound.</summary>
internal sealed class RawGroupKey<T0, T1, T2, T3, T4>
{
    public T0 V0 { get; set; } = default!;
    public T1 V1 { get; set; } = default!;
    public T2 V2 { get; set; } = default!;
    public T3 V3 { get; set; } = default!;
    public T4 V4 { get; set; } = default!;
}
