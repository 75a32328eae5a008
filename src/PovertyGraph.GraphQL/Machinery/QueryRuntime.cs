using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.GraphQL.Machinery;

/// <summary>
/// Per-request state of the machinery: who is asking, the batch loaders of this request, and the builders
/// bound to the caller (so every filter, sort and projection goes through the access policy).
/// </summary>
public sealed class QueryRuntime
{
    private readonly IDbContextFactory<PovertyGraphDbContext> _factory;
    private readonly ConcurrentDictionary<object, object> _loaders = new();

    public QueryRuntime(IDbContextFactory<PovertyGraphDbContext> factory, EntityModel model, PagingOptions paging, CursorCodec cursors,
        IStatisticsProtection statistics, Viewer viewer, PreparedPages? prepared = null)
    {
        Prepared = prepared ?? new PreparedPages(0);
        _factory = factory;
        Model = model;
        Paging = paging;
        Cursors = cursors;
        Statistics = statistics;
        Viewer = viewer;
        Filters = new FilterBuilder(model, viewer);
        Sorts = new SortBuilder(model, viewer);
    }

    public EntityModel Model { get; }
    public PagingOptions Paging { get; }
    public CursorCodec Cursors { get; }
    public IStatisticsProtection Statistics { get; }
    public Viewer Viewer { get; }
    public FilterBuilder Filters { get; }
    public SortBuilder Sorts { get; }
    /// <summary>Root pages compiled for repeats (shared by all requests).</summary>
    public PreparedPages Prepared { get; }

    private long _rows;

    /// <summary>Counts rows a request materialises; past the limit the request fails instead of exhausting the server.</summary>
    public void Charge(int rows)
    {
        if (Interlocked.Add(ref _rows, rows) > Paging.MaxRowsPerRequest)
            throw QueryError.Argument($"this query reads more than {Paging.MaxRowsPerRequest:N0} rows; ask for smaller pages or fewer nested lists");
    }

    /// <summary>Each query gets its own short-lived context: resolvers run in parallel and a DbContext is not thread-safe.</summary>
    public PovertyGraphDbContext CreateDbContext() => _factory.CreateDbContext();

    public EntityQueries Engine(EntityDescriptor type) => Model.Engine(type);

    /// <summary>The caller's projection of <paramref name="type"/>: its columns, the sort keys (for cursors), any further
    /// <paramref name="extras"/>, and what <paramref name="prefetch"/> asks to fetch with each row.</summary>
    public ProjectionPlan Plan(EntityDescriptor type, IReadOnlyList<SortKey> keys, RowPrefetch? prefetch = null, IEnumerable<LambdaExpression>? extras = null)
    {
        prefetch ??= RowPrefetch.None;
        var related = prefetch.Related.Select(r => (r.Relation.Name, r.Relation.Navigation, Plan(Model.For(r.Relation.Target), [], r.Nested))).ToList();
        var counts = prefetch.Counts.Select(r => (r.Name, CountOf(r))).ToList();
        return new(type, Viewer, keys.Select(k => k.Expression).Concat(extras ?? []).ToList(),
            AccessPolicy.PartnerScope(type.ClrType, Viewer, PartnerHouseholds), related, counts, prefetch.Fields);
    }

    /// <summary>p => p.Children.Count()</summary>
    private static LambdaExpression CountOf(ToManyRelation relation)
    {
        var count = Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [relation.Target], relation.Navigation.Body);
        return Expression.Lambda(count, relation.Navigation.Parameters);
    }

    private IReadOnlyCollection<int>? _partnerHouseholds;

    /// <summary>Households in an NGO caller's partner villages (loaded once per request, only for NGO callers).</summary>
    private IReadOnlyCollection<int> PartnerHouseholds()
    {
        if (_partnerHouseholds != null) return _partnerHouseholds;
        var villages = Viewer.PartnerVillages.ToList();
        using var db = CreateDbContext();
        return _partnerHouseholds = db.Households.Where(h => villages.Contains(h.VillageId)).Select(h => h.Id).ToList();
    }

    /// <summary>The request's loader for <paramref name="key"/>, created on first use.</summary>
    public TLoader Loader<TLoader>(object key, Func<TLoader> create) where TLoader : class =>
        (TLoader)_loaders.GetOrAdd(key, _ => create());

    /// <summary>Rows of a type by key, batched across the whole level of the query. Types the caller may not read are never found.</summary>
    public Deferred<EntityRow?> LoadByKey(EntityDescriptor type, object key) =>
        !AccessPolicy.MayRead(type.Name, Viewer)
            ? new Deferred<EntityRow?>(_ => Task.FromResult<EntityRow?>(null))
            : Loader(("byKey", type), () => new BatchLoader<object, EntityRow>((keys, ct) => Engine(type).ByKeysAsync(this, keys, ct))).Load(key);

    /// <summary>Households whose identifiers this response discloses in full, with the fields (for the audit log).</summary>
    public ConcurrentDictionary<int, ConcurrentDictionary<string, byte>> Disclosures { get; } = new();

    /// <summary>Whether anything was disclosed (cheaper than asking the dictionary, which locks every bucket).</summary>
    public bool HasDisclosures => Volatile.Read(ref _disclosed);
    private bool _disclosed;

    public void Disclose(int householdId, string field)
    {
        Disclosures.GetOrAdd(householdId, _ => new ConcurrentDictionary<string, byte>()).TryAdd(field, 0);
        Volatile.Write(ref _disclosed, true);
    }
}
