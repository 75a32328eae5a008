using System.Collections.Concurrent;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// Per-request state of execution: who is asking, the plans of this request (one per connection field), its batch
/// loaders, the rows it has read and the identifiers it has disclosed.
/// </summary>
public sealed class QueryRuntime(IDbContextFactory<PovertyGraphDbContext> factory, Planner planner, CursorCodec cursors,
    IStatisticsProtection statistics, CompiledPlans compiled, Viewer viewer)
{
    private readonly ConcurrentDictionary<object, object> _loaders = new();
    private readonly ConcurrentDictionary<GraphQLField, ConnectionPlan> _plans = new();
    private readonly ConcurrentDictionary<GraphQLField, QueryError> _refused = new();

    public EntityModel Model => planner.Model;
    public PagingOptions Paging => planner.Paging;
    public Planner Planner => planner;
    public CursorCodec Cursors => cursors;
    public IStatisticsProtection Statistics => statistics;
    public CompiledPlans Compiled => compiled;
    public Viewer Viewer => viewer;

    /// <summary>The argument values of every field of the operation, once validation has parsed them (the cost rule keeps them here).</summary>
    public IReadOnlyDictionary<GraphQLField, IDictionary<string, ArgumentValue>>? Arguments { get; set; }

    /// <summary>
    /// The plan of a connection field for this caller: built on its first use in this request (validation, which costs
    /// it), then the same for execution and for every parent. A field that cannot be planned is refused with the same
    /// error wherever it is asked for, and planned only once.
    /// </summary>
    public ConnectionPlan PlanConnection(EntityDescriptor type, ToManyRelation? relation, GraphQLField field, GraphQLDocument document)
    {
        if (_plans.TryGetValue(field, out var plan)) return plan;
        if (_refused.TryGetValue(field, out var refused)) throw refused.Again();
        try
        {
            return Plan(field, () => planner.Connection(type, relation, field, document, ConnectionArguments.From(ArgumentsOf(field)), viewer, ArgumentsOf));
        }
        catch (QueryError error)
        {
            _refused.TryAdd(field, error);
            throw error.Again();
        }
        catch
        {
            _unplanned = true;
            throw;
        }
    }

    private bool _unplanned;

    /// <summary>Whether every connection field asked for so far has its plan (none was refused or failed).</summary>
    public bool FullyPlanned => !_unplanned && _refused.IsEmpty;

    /// <summary>The plans of this request so far, by field.</summary>
    public KeyValuePair<GraphQLField, ConnectionPlan>[] Plans => _plans.ToArray();

    /// <summary>Plans built for an earlier request of the same operation, caller kind and variables (they are immutable).</summary>
    public void Adopt(IEnumerable<KeyValuePair<GraphQLField, ConnectionPlan>> plans)
    {
        foreach (var (field, plan) in plans) _plans.TryAdd(field, plan);
    }

    /// <summary>The plan of a field: built on its first use in this request, the same for every parent.</summary>
    public ConnectionPlan Plan(GraphQLField field, Func<ConnectionPlan> build)
    {
        if (_plans.TryGetValue(field, out var plan)) return plan;
        plan = build();
        EngineEvents.Write(EngineEvents.Planned, plan);
        foreach (var page in plan.Rows?.Pages ?? []) _plans.TryAdd(page.Field, page.Plan); // planned with their parent
        return _plans.GetOrAdd(field, plan);
    }

    /// <summary>Argument values of a field of this operation (after variables), or null.</summary>
    public IReadOnlyDictionary<string, object?>? ArgumentsOf(GraphQLField field) =>
        Arguments != null && Arguments.TryGetValue(field, out var values) ? values.ToDictionary(v => v.Key, v => v.Value.Value) : null;

    private long _rows;

    /// <summary>Counts rows a request materialises; past the limit the request fails instead of exhausting the server.</summary>
    public void Charge(int rows)
    {
        if (Interlocked.Add(ref _rows, rows) > Paging.MaxRowsPerRequest)
            throw QueryError.Argument($"this query reads more than {Paging.MaxRowsPerRequest:N0} rows; ask for smaller pages or fewer nested lists");
    }

    /// <summary>Each statement gets its own short-lived context (a DbContext is not thread-safe).</summary>
    public PovertyGraphDbContext CreateDbContext() => factory.CreateDbContext();

    /// <summary>The request's loader for <paramref name="key"/>, created on first use.</summary>
    public TLoader Loader<TLoader>(object key, Func<TLoader> create) where TLoader : class =>
        (TLoader)_loaders.GetOrAdd(key, _ => create());

    /// <summary>Rows of a type by key, batched across the whole level of the query. Types the caller may not read are never found.</summary>
    public Deferred<EntityRow?> LoadByKey(EntityDescriptor type, object key) =>
        !AccessRules.MayRead(type, Viewer)
            ? new Deferred<EntityRow?>(_ => Task.FromResult<EntityRow?>(null))
            : Loader(("byKey", type), () => new BatchLoader<object, EntityRow>((keys, ct) => RowsByKey.LoadAsync(this, type, keys, ct))).Load(key);

    private readonly Lock _disclosuresLock = new();
    private readonly HashSet<(string Type, int Id)> _disclosedRecords = [];
    private readonly HashSet<string> _disclosedFields = new(StringComparer.Ordinal);

    /// <summary>Whether anything was disclosed.</summary>
    public bool HasDisclosures { get; private set; }

    /// <summary>Notes that the response shows <paramref name="field"/> (Type.field) of a record in full, for the audit log.</summary>
    public void Disclose(string type, int id, string field)
    {
        lock (_disclosuresLock)
        {
            _disclosedRecords.Add((type, id));
            _disclosedFields.Add(field);
            HasDisclosures = true;
        }
    }

    /// <summary>The records whose identifiers this response disclosed in full, and which fields, each in order.</summary>
    public (IReadOnlyList<(string Type, int Id)> Records, IReadOnlyList<string> Fields) Disclosures()
    {
        lock (_disclosuresLock)
            return (_disclosedRecords.Order().ToList(), _disclosedFields.Order(StringComparer.Ordinal).ToList());
    }
}
