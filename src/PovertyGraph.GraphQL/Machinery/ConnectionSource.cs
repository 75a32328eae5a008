using GraphQL;
using GraphQLParser.AST;

namespace PovertyGraph.GraphQL.Machinery;

/// <summary>
/// What a collection field resolves to: the request (type, arguments, and for a nested connection the
/// parent), with each part (page, count, aggregates, groups) fetched lazily, only when selected, and for
/// nested connections batched across all parents of the level: one statement per part, whatever the page size.
/// </summary>
public sealed class ConnectionSource
{
    private readonly QueryRuntime _runtime;
    private readonly GraphQLField _field;
    private readonly GraphQLDocument _document;
    private readonly EntityRow? _parent;
    private Deferred<Page>? _page;
    private readonly PreparedPages.Key? _prepared;
    /// <summary>The prepared page of this exact request, if there is one: it already knows what the field selects.</summary>
    private readonly PreparedPage? _ready;

    private ConnectionSource(QueryRuntime runtime, EntityDescriptor type, ConnectionArguments args, IResolveFieldContext context,
        EntityDescriptor? parentType, ToManyRelation? relation, EntityRow? parent, bool rowsAreTheSelection = false)
    {
        _rowsAreTheSelection = rowsAreTheSelection;
        _runtime = runtime;
        Type = type;
        Args = args;
        _field = context.FieldAst;
        _document = context.Document;
        ParentType = parentType;
        Relation = relation;
        _parent = parent;
        ParentId = parent == null ? 0 : (int)parent.Id;
        if (!Access.AccessPolicy.MayRead(type.Name, runtime.Viewer))
            throw QueryError.Forbidden($"{type.Name} rows are readable by the ADMIN role only");
        if (parent == null && relation == null && !rowsAreTheSelection)
        {
            _prepared = runtime.Prepared.KeyFor(context, runtime.Viewer);
            _ready = runtime.Prepared.Find(_prepared);
            if (_ready != null) return; // these arguments passed every check when it was prepared
        }
        // No arguments (the common nested case, once per parent row): nothing to check but the default window.
        if (ReferenceEquals(args, ConnectionArguments.None) && runtime.Paging.DefaultPageSize <= runtime.Paging.MaxPageSize) return;
        // Check every argument up front (paging window, access to filtered and sorted fields), so a forbidden
        // or bad argument fails even when only totalCount or aggregates are asked for. The arguments of one field
        // are the same for all its parents, so a nested connection checks them once, not once per parent.
        runtime.Loader((_field, "validated"), () =>
        {
            args.Window(runtime.Paging);
            if (args.Where is { Count: > 0 }) runtime.Filters.Build(type, args.Where);
            runtime.Sorts.Build(type, args.Order);
            return new object();
        });
    }

    public EntityDescriptor Type { get; }
    public ConnectionArguments Args { get; }
    public EntityDescriptor? ParentType { get; }
    public ToManyRelation? Relation { get; }
    public int ParentId { get; }

    public static ConnectionSource Root(QueryRuntime runtime, EntityDescriptor type, ConnectionArguments args, IResolveFieldContext context) =>
        new(runtime, type, args, context, null, null, null);

    /// <summary>A root list field (not a connection): the field's own selection is the rows'.</summary>
    public static ConnectionSource RootList(QueryRuntime runtime, EntityDescriptor type, IResolveFieldContext context) =>
        new(runtime, type, ConnectionArguments.None, context, null, null, null, rowsAreTheSelection: true);

    /// <summary>A root list (not prepared): its field's own selection is the rows'.</summary>
    private readonly bool _rowsAreTheSelection;

    public static ConnectionSource Nested(QueryRuntime runtime, EntityDescriptor parentType, ToManyRelation relation, EntityRow parent, ConnectionArguments args, IResolveFieldContext context) =>
        new(runtime, runtime.Model.For(relation.Target), args, context, parentType, relation, parent);

    /// <summary>What this field selects, read once per field (not per parent row).</summary>
    private sealed record Shape(RowPrefetch Prefetch, bool SelectsPage, bool SelectsTotal);

    private Shape FieldShape => _runtime.Loader((_field, "shape"), () =>
    {
        if (_rowsAreTheSelection) return new Shape(RowPrefetch.For(_runtime, Type, [_field.SelectionSet!], _document), true, false);
        var parts = Selections.FieldNodes(_document, _field.SelectionSet).Select(f => f.Name.StringValue).ToHashSet();
        return new Shape(RowPrefetch.For(_runtime, Type, RowPrefetch.RowsOf(_field, _document), _document),
            parts.Contains("nodes") || parts.Contains("edges") || parts.Contains("pageInfo"), parts.Contains("totalCount"));
    });

    public Deferred<Page> Page()
    {
        if (_page != null) return _page;
        if (_ready != null)
            return _page = new Deferred<Page>(ct => _runtime.Engine(Type).PageAsync(_runtime, Args, ct, ready: _ready));
        var shape = FieldShape;
        if (Relation == null)
        {
            // A root connection asked for its page and its total counts both in one statement.
            return _page = new Deferred<Page>(ct => _runtime.Engine(Type).PageAsync(_runtime, Args, ct, shape.Prefetch, withTotal: shape.SelectsTotal,
                prepare: _prepared));
        }
        var loader = _runtime.Loader((_field, "page"), () => new BatchLoader<int, Page>((ids, ct) =>
            _runtime.Engine(ParentType!).ChildPagesAsync(_runtime, Relation, ids, Args, ct, shape.Prefetch.ColumnsOnly)));
        return _page = loader.Load(ParentId).Then(p => p ?? Machinery.Page.Empty);
    }

    /// <summary>The total as a plain value when the parent's own statement counted it (no filter), else deferred.</summary>
    public object TotalCountValue() =>
        Relation != null && Args.Where == null && _parent != null && _parent.TryCount(Relation.Name, out var counted) ? counted : TotalCount();

    public Deferred<int> TotalCount()
    {
        if (Relation == null)
        {
            if (_ready == null && !FieldShape.SelectsPage) return new Deferred<int>(ct => _runtime.Engine(Type).CountAsync(_runtime, Args.Where, ct));
            var page = Page();
            return new Deferred<int>(async ct => (await page.GetResultAsync(ct)).TotalCount
                                                 ?? await _runtime.Engine(Type).CountAsync(_runtime, Args.Where, ct));
        }
        return Aggregate(_field, [], AggregateRequest.CountOnly, includeNullKeys: true, first: null, exact: true)
            .Then(cells => cells.Count == 0 ? 0 : cells[0].Row.Count);
    }

    /// <summary>Aggregate cells over everything <c>where</c> matched (no dimensions: one cell), protected for the caller.</summary>
    public Deferred<IReadOnlyList<PublishedCell>> Aggregate(GraphQLField field, IReadOnlyList<Dimension> dimensions, AggregateRequest request,
        bool includeNullKeys, int? first, bool exact = false)
    {
        var protect = !exact && Access.CellKeyProtection.Protects(Type, _runtime.Viewer);
        if (protect)
        {
            // Protected statistics describe populations, not people: no cell may be cut around one record by ID.
            if (Access.AccessPolicy.NamesIndividualRecords(_runtime.Model, Type, Args.Where))
                throw QueryError.Forbidden($"aggregates of {Type.Name} rows cannot be restricted by row IDs for the {_runtime.Viewer.Role.ToString().ToUpperInvariant()} role: protected statistics describe groups, not individual households");
            // Averages are published as perturbed sum / perturbed count, so the sums are needed too.
            request = new AggregateRequest(request.Values.Concat(request.Values.Where(v => v.Function == AggregateFunction.Avg)
                .Select(v => (AggregateFunction.Sum, v.Field))).ToHashSet());
        }
        Deferred<List<AggregateRow>> rows;
        if (Relation == null)
        {
            var query = new AggregateQuery(Args.Where, dimensions, request, IncludeNullKeys: includeNullKeys, First: first, NeedsCellKey: protect);
            rows = new Deferred<List<AggregateRow>>(ct => _runtime.Engine(Type).AggregateAsync(_runtime, query, ct));
        }
        else
        {
            var loader = _runtime.Loader((field, "aggregate"), () => new BatchLoader<int, List<AggregateRow>>(async (ids, ct) =>
            {
                var query = new AggregateQuery(Args.Where, dimensions, request, Relation.ChildForeignKey, ids, includeNullKeys, NeedsCellKey: protect);
                var all = await _runtime.Engine(Type).AggregateAsync(_runtime, query, ct);
                return all.GroupBy(r => r.Key!.P!.Value).ToDictionary(g => g.Key, g => g.ToList());
            }));
            rows = loader.Load(ParentId).Then(r => first == null ? r ?? [] : (r ?? []).Take(first.Value).ToList());
        }
        return rows.Then(list =>
        {
            if (list.Count == 0 && dimensions.Count == 0) list = [new AggregateRow()]; // an empty set still has a count of 0
            var cells = list.Select(r => exact ? new PublishedCell(r, false) : _runtime.Statistics.Publish(Type, r, _runtime.Viewer)).ToList();
            return protect ? HideSuppressedKeys(cells, dimensions) : cells;
        });
    }

    /// <summary>
    /// A suppressed cell must not tell which value of a hidden dimension it holds (one household grouped by its
    /// primary cause would reveal the cause): such keys are nulled, and the suppressed cells that then look
    /// alike are merged into one.
    /// </summary>
    private IReadOnlyList<PublishedCell> HideSuppressedKeys(List<PublishedCell> cells, IReadOnlyList<Dimension> dimensions)
    {
        var hidden = dimensions.Select(d => d.Field != null && !Access.AccessPolicy.FullEverywhere(Type.Name, d.Field.Name, _runtime.Viewer)).ToArray();
        if (!hidden.Any(h => h)) return cells;
        var result = new List<PublishedCell>();
        var merged = new HashSet<(int?, int?, int?, int?, int?)>();
        foreach (var cell in cells)
        {
            if (!cell.Suppressed || cell.Row.Key == null) { result.Add(cell); continue; }
            var k = cell.Row.Key;
            var key = new GroupKey
            {
                P = k.P, K0 = hidden.ElementAtOrDefault(0) ? null : k.K0, K1 = hidden.ElementAtOrDefault(1) ? null : k.K1,
                K2 = hidden.ElementAtOrDefault(2) ? null : k.K2, K3 = hidden.ElementAtOrDefault(3) ? null : k.K3,
            };
            if (merged.Add((key.P, key.K0, key.K1, key.K2, key.K3)))
                result.Add(new PublishedCell(new AggregateRow { Key = key, Count = 0 }, true));
        }
        return result;
    }
}
