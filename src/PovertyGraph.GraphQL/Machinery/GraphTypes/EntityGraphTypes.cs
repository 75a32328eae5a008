using System.Collections;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace PovertyGraph.GraphQL.Machinery.GraphTypes;

/// <summary>
/// Generates, from one entity descriptor, every graph type of that entity: the object type, its filter,
/// list-filter and sort inputs, connection, edge, aggregates and grouped-aggregate types. The same code
/// serves every entity; nothing here names one.
/// </summary>
public sealed class EntityGraphTypes(EntityModel model, EntityDescriptor type, IInterfaceGraphType node)
{
    private string N => type.Name;

    public IEnumerable<IGraphType> Create()
    {
        yield return ObjectType();
        yield return FilterInput();
        yield return ListFilterInput();
        yield return SortInput();
        yield return Connection();
        yield return Edge();
        foreach (var t in AggregateTypes()) yield return t;
    }

    /// <summary>The request's runtime (attached to the user context before execution by <see cref="Execution.RequestRuntime"/>).</summary>
    public static QueryRuntime Runtime(IResolveFieldContext context) => Execution.RequestRuntime.Of(context);

    /// <summary>The request's runtime, from the user context a <see cref="SourceResolver"/> is given.</summary>
    public static QueryRuntime Runtime(IDictionary<string, object?> userContext) => Execution.RequestRuntime.Of(userContext);

    private static FieldType Field(string name, string description, IGraphType type, Func<IResolveFieldContext, object?> resolve, QueryArguments? args = null) =>
        new() { Name = name, Description = description, ResolvedType = type, Resolver = new FuncFieldResolver<object?>(resolve), Arguments = args };

    /// <summary>A field whose value depends only on its parent value and the request (see <see cref="SourceResolver"/>).</summary>
    private static FieldType Field(string name, string description, IGraphType type, Func<object, IDictionary<string, object?>, object?> resolve) =>
        new() { Name = name, Description = description, ResolvedType = type, Resolver = new SourceResolver(resolve) };

    // ------------------------------------------------------------ object type

    private ObjectGraphType ObjectType()
    {
        var graph = new ObjectGraphType { Name = N, Description = type.Description };
        graph.IsTypeOf = o => o is EntityRow r && r.Type == type;
        foreach (var field in type.PublicFields)
        {
            var f = field;
            var nullable = f.Kind != ScalarKind.Id && (f.Nullable || global::PovertyGraph.GraphQL.Access.AccessPolicy.IsProtected(N, f.Name));
            var scalar = TypeRefs.Named(TypeRefs.ScalarName(f));
            // Looked up once here, not for every row: the field's slot and whether it is a personal identifier.
            var slot = type.SlotOf(f.Name);
            var identifier = global::PovertyGraph.GraphQL.Access.AccessPolicy.Identifiers.Contains((N, f.Name));
            graph.AddField(Field(f.Name, f.Description, nullable ? scalar : TypeRefs.NonNull(scalar),
                (source, user) => Output(f, slot, identifier, (EntityRow)source, user)));
        }
        foreach (var relation in type.ToOne)
        {
            var r = relation;
            var target = model.For(r.Target);
            var fk = type.Field(r.ForeignKey);
            graph.AddField(Field(r.Name, r.Description, fk.Nullable ? TypeRefs.Named(target.Name) : TypeRefs.NonNull(target.Name), (source, user) =>
            {
                var row = (EntityRow)source;
                if (row.TryRelated(r.Name, out var related)) return related; // joined into the row's own statement
                var key = row.Get(r.ForeignKey);
                return key == null ? null : Runtime(user).LoadByKey(target, key);
            }));
        }
        foreach (var relation in type.ToMany)
        {
            var r = relation;
            var target = model.For(r.Target);
            graph.AddField(Field(r.Name, r.Description, TypeRefs.NonNull(target.Name + "Connection"),
                c => ConnectionSource.Nested(Runtime(c), type, r, (EntityRow)c.Source!, Arguments(c), c),
                ConnectionArgumentsFor(target)));
        }
        if (type.HasProvenance)
            graph.AddField(Field("provenance", "Where this row comes from: source document and place in it, and whether (or which fields) were generated.",
                TypeRefs.NonNull(ProvenanceTypeName), (source, _) => ProvenanceValue.Of((EntityRow)source)));
        graph.AddResolvedInterface(node); // validated on the spot, so after the fields
        return graph;
    }

    /// <summary>A field's value as the API shows it; full identifiers are noted for the audit log.</summary>
    public static object? Output(ScalarField field, int slot, bool identifier, EntityRow row, IDictionary<string, object?> userContext)
    {
        if (field.Kind == ScalarKind.Id) return GlobalId.Encode(row.Type.Name, row.Id);
        var value = row.Get(slot);
        if (identifier && value != null && row.LevelOf(slot) == Access.AccessLevel.Full)
            Runtime(userContext).Disclose(row.Type.Name == "Household" ? (int)row.Id : (int)row.Get("householdId")!, $"{row.Type.Name}.{field.Name}");
        return field.Kind == ScalarKind.Money && value is long yuan ? (decimal)yuan : value;
    }

    // ------------------------------------------------------------ arguments

    public static QueryArguments ConnectionArgumentsFor(EntityDescriptor target) => new(
        new QueryArgument(TypeRefs.Named(target.Name + "FilterInput")) { Name = "where", Description = "Only rows matching this filter (translated to SQL)." },
        new QueryArgument(new ListGraphType(new NonNullGraphType(TypeRefs.Named(target.Name + "SortInput"))))
            { Name = "order", Description = "Sort keys, most significant first; the row ID is always the final tiebreak." },
        new QueryArgument<IntGraphType> { Name = "first", Description = "Page size, forward from `after` (default and maximum: see the README)." },
        new QueryArgument<StringGraphType> { Name = "after", Description = "Cursor of the row this page starts after." },
        new QueryArgument<IntGraphType> { Name = "last", Description = "Page size, backward from `before`." },
        new QueryArgument<StringGraphType> { Name = "before", Description = "Cursor of the row this page ends before." });

    public static ConnectionArguments Arguments(IResolveFieldContext c) => c.FieldAst.Arguments is not { Items.Count: > 0 }
        ? ConnectionArguments.None // none given (the common nested case): skip six argument lookups per parent row
        : new(
        c.GetArgument<object?>("where") as IDictionary<string, object?>,
        (c.GetArgument<object?>("order") as IEnumerable)?.Cast<object?>().ToList(),
        c.GetArgument<int?>("first"), c.GetArgument<int?>("last"), c.GetArgument<string?>("after"), c.GetArgument<string?>("before"));

    // ------------------------------------------------------------ filter and sort inputs

    private InputObjectGraphType FilterInput()
    {
        var input = new InputObjectGraphType { Name = N + "FilterInput", Description = $"Filter on {N}: every condition given must hold." };
        input.AddField(new FieldType { Name = "and", Description = "All of these filters.", ResolvedType = new ListGraphType(TypeRefs.NonNull(input.Name)) });
        input.AddField(new FieldType { Name = "or", Description = "Any of these filters.", ResolvedType = new ListGraphType(TypeRefs.NonNull(input.Name)) });
        foreach (var f in type.PublicFields.Where(f => f.Filterable))
            input.AddField(new FieldType { Name = f.Name, Description = f.Description, ResolvedType = TypeRefs.Named(TypeRefs.FilterInputName(f)) });
        foreach (var r in type.ToOne)
            input.AddField(new FieldType { Name = r.Name, Description = r.Description, ResolvedType = TypeRefs.Named(model.For(r.Target).Name + "FilterInput") });
        foreach (var r in type.ToMany)
            input.AddField(new FieldType { Name = r.Name, Description = r.Description, ResolvedType = TypeRefs.Named(model.For(r.Target).Name + "ListFilterInput") });
        return input;
    }

    private InputObjectGraphType ListFilterInput()
    {
        var input = new InputObjectGraphType { Name = N + "ListFilterInput", Description = $"Conditions on a list of {N}." };
        input.AddField(new FieldType { Name = "some", Description = "At least one element matches.", ResolvedType = TypeRefs.Named(N + "FilterInput") });
        input.AddField(new FieldType { Name = "all", Description = "Every element matches (true for an empty list).", ResolvedType = TypeRefs.Named(N + "FilterInput") });
        input.AddField(new FieldType { Name = "none", Description = "No element matches.", ResolvedType = TypeRefs.Named(N + "FilterInput") });
        input.AddField(new FieldType { Name = "any", Description = "true: the list is not empty; false: it is empty.", ResolvedType = TypeRefs.Named("Boolean") });
        return input;
    }

    private InputObjectGraphType SortInput()
    {
        var input = new InputObjectGraphType { Name = N + "SortInput", Description = $"Sort keys for {N}; set one field per list element." };
        foreach (var f in type.PublicFields.Where(f => f.Sortable))
            input.AddField(new FieldType { Name = f.Name, Description = f.Description, ResolvedType = TypeRefs.Named(SharedTypes.SortEnum) });
        foreach (var r in type.ToOne)
            input.AddField(new FieldType { Name = r.Name, Description = r.Description, ResolvedType = TypeRefs.Named(model.For(r.Target).Name + "SortInput") });
        return input;
    }

    // ------------------------------------------------------------ connection

    private ObjectGraphType Connection()
    {
        var graph = new ObjectGraphType { Name = N + "Connection", Description = $"A page of {N} rows, with totals and aggregates over everything the filter matched." };
        graph.AddField(Field("totalCount", "Number of rows the filter matched (all pages).", TypeRefs.NonNull("Int"),
            (source, _) => ((ConnectionSource)source).TotalCountValue()));
        graph.AddField(Field("nodes", "The rows of this page.", TypeRefs.ListOfNonNull(N),
            (source, _) => ((ConnectionSource)source).Page().Then(p => p.Rows)));
        graph.AddField(Field("edges", "The rows of this page with their cursors.", TypeRefs.ListOfNonNull(N + "Edge"),
            (source, _) => ((ConnectionSource)source).Page().Then(p => p.Rows.Select((r, i) => new EdgeValue(r, p.Cursors[i])).ToList())));
        graph.AddField(Field("pageInfo", "Where this page is in the whole list.", TypeRefs.NonNull(SharedTypes.PageInfo),
            (source, _) => ((ConnectionSource)source).Page()));
        graph.AddField(Field("aggregates", "Count, and sum, average, minimum and maximum of the numeric fields, over every row the filter matched (not only this page).",
            TypeRefs.NonNull(N + "Aggregates"),
            c => ((ConnectionSource)c.Source!).Aggregate(c.FieldAst, [], Selections.Aggregates(c, c.FieldAst.SelectionSet, type), true, null).Then(cells => cells[0])));
        if (type.Dimensions.Count > 0)
            graph.AddField(Field("groupedAggregates",
                "Aggregates per group of rows sharing the same keys, ordered by the keys (ascending, by ID for places; nulls last).",
                TypeRefs.ListOfNonNull(N + "AggregateGroup"), ResolveGroups,
                new QueryArguments(
                    new QueryArgument(new NonNullGraphType(new ListGraphType(TypeRefs.NonNull(N + "GroupBy")))) { Name = "groupBy", Description = "One or more dimensions to group by." },
                    new QueryArgument<IntGraphType> { Name = "first", Description = "At most this many groups." },
                    new QueryArgument<BooleanGraphType> { Name = "includeNullKeys", DefaultValue = false, Description = "Also return groups whose key is unknown (null). They are left out by default; `aggregates` always covers every row." })));
        return graph;
    }

    private object? ResolveGroups(IResolveFieldContext c)
    {
        var runtime = Runtime(c);
        var names = (c.GetArgument<object?>("groupBy") as IEnumerable)?.Cast<object?>().Select(o => o!.ToString()!).ToList() ?? [];
        if (names.Count == 0) throw QueryError.Argument("groupBy needs at least one dimension");
        if (names.Count != names.Distinct().Count()) throw QueryError.Argument("groupBy names a dimension twice");
        var dimensions = names.Select(n => type.Dimensions.Single(d => d.Name == n)).ToList();
        var first = c.GetArgument<int?>("first");
        if (first < 0) throw QueryError.Argument("'first' must not be negative");
        var limit = Math.Min(first ?? runtime.Paging.MaxGroups, runtime.Paging.MaxGroups);
        var request = Selections.Aggregates(c, c.FieldAst.SelectionSet, type);
        return ((ConnectionSource)c.Source!).Aggregate(c.FieldAst, dimensions, request, c.GetArgument("includeNullKeys", false), limit)
            .Then(cells => cells.Select(cell => new GroupValue(dimensions, cell)).ToList());
    }

    private ObjectGraphType Edge()
    {
        var graph = new ObjectGraphType { Name = N + "Edge", Description = $"A {N} row and its cursor." };
        graph.AddField(Field("cursor", "Opaque cursor of this row under the query's order.", TypeRefs.NonNull("String"), (source, _) => ((EdgeValue)source).Cursor));
        graph.AddField(Field("node", "The row.", TypeRefs.NonNull(N), (source, _) => ((EdgeValue)source).Row));
        return graph;
    }

    // ------------------------------------------------------------ aggregates

    private IEnumerable<IGraphType> AggregateTypes()
    {
        var numeric = type.Fields.Where(f => f.Aggregatable).ToList();
        var functions = new (AggregateFunction Function, string Name, string Description)[]
        {
            (AggregateFunction.Sum, "sum", "Sums"), (AggregateFunction.Avg, "avg", "Averages"),
            (AggregateFunction.Min, "min", "Minimums"), (AggregateFunction.Max, "max", "Maximums"),
        };
        if (numeric.Count > 0)
            foreach (var (function, name, description) in functions)
            {
                var graph = new ObjectGraphType { Name = N + char.ToUpperInvariant(name[0]) + name[1..] + "Aggregates", Description = $"{description} of the numeric fields of {N} (null when the cell is suppressed or empty)." };
                for (var i = 0; i < numeric.Count; i++)
                {
                    var (f, index, fn) = (numeric[i], i, function);
                    var scalar = fn switch
                    {
                        AggregateFunction.Avg => "Float",
                        AggregateFunction.Sum => f.Kind == ScalarKind.Money ? "Decimal" : "Long",
                        _ => f.Kind == ScalarKind.Money ? "Decimal" : "Int",
                    };
                    graph.AddField(Field(f.Name, f.Description, TypeRefs.Named(scalar), (source, _) =>
                    {
                        var cell = (PublishedCell)source;
                        if (cell.Suppressed) return null;
                        var value = cell.Row.Get(fn, index);
                        return value switch
                        {
                            null => null,
                            long l when f.Kind == ScalarKind.Money => (decimal)l,
                            long l when fn != AggregateFunction.Sum => (int)l,
                            double d => Math.Round(d, 4),
                            _ => value,
                        };
                    }));
                }
                yield return graph;
            }

        foreach (var grouped in new[] { false, true })
        {
            if (grouped && type.Dimensions.Count == 0) continue;
            var graph = new ObjectGraphType
            {
                Name = N + (grouped ? "AggregateGroup" : "Aggregates"),
                Description = grouped ? $"One group of {N} rows and its aggregates." : $"Aggregates over every {N} row the filter matched.",
            };
            if (grouped)
                graph.AddField(Field("keys", "The values this group shares.", TypeRefs.NonNull(N + "GroupKeys"), (source, _) => (GroupValue)source));
            graph.AddField(Field("count", grouped ? "Number of rows in the group (null when suppressed)." : "Number of rows the filter matched.",
                grouped ? TypeRefs.Named("Int") : TypeRefs.NonNull("Int"),
                (source, _) => grouped ? ((GroupValue)source).Cell is { Suppressed: false } cell ? cell.Row.Count : null : ((PublishedCell)source).Row.Count));
            if (numeric.Count > 0)
                foreach (var (_, name, description) in functions)
                    graph.AddField(Field(name, $"{description} of the numeric fields.", TypeRefs.Named(N + char.ToUpperInvariant(name[0]) + name[1..] + "Aggregates"),
                        (source, _) => grouped ? ((GroupValue)source).Cell : source));
            graph.AddField(Field("suppressed", "True when the cell has too few households to publish; its values are then null (see the README's statistics rule).",
                TypeRefs.NonNull("Boolean"), (source, _) => grouped ? ((GroupValue)source).Cell.Suppressed : ((PublishedCell)source).Suppressed));
            yield return graph;
        }

        if (type.Dimensions.Count == 0) yield break;
        var groupBy = new EnumerationGraphType { Name = N + "GroupBy", Description = $"Dimensions {N} rows can be grouped by." };
        foreach (var d in type.Dimensions) groupBy.Add(new EnumValueDefinition(d.Name, d.Name) { Description = d.Description });
        yield return groupBy;

        var keys = new ObjectGraphType { Name = N + "GroupKeys", Description = $"Key values of a {N} group; only the dimensions grouped by are set." };
        foreach (var dimension in type.Dimensions)
        {
            var d = dimension;
            var keyType = d.Entity != null ? TypeRefs.Named(model.For(d.Entity).Name)
                : TypeRefs.Named(TypeRefs.ScalarName(d.Field!));
            keys.AddField(Field(d.KeyField, d.Description, keyType, (source, user) => ((GroupValue)source).Key(d, Runtime(user))));
        }
        yield return keys;
    }

    public const string ProvenanceTypeName = "Provenance";

    public static ObjectGraphType CreateProvenanceType()
    {
        var graph = new ObjectGraphType { Name = ProvenanceTypeName, Description = "Where a row comes from." };
        graph.AddField(Field("source", "The document the row, or the totals it reproduces, come from.", TypeRefs.Named("SourceDocument"), (source, user) =>
            ((ProvenanceValue)source).SourceId is { } id ? Runtime(user).LoadByKey(Runtime(user).Model.ByName("SourceDocument")!, id) : null));
        graph.AddField(Field("reference", "Where in the document: table, chapter or paragraph.", TypeRefs.Named("String"), (source, _) => ((ProvenanceValue)source).Reference));
        graph.AddField(Field("synthetic", "True when the row was generated (to reproduce published totals) rather than transcribed.", TypeRefs.NonNull("Boolean"), (source, _) => ((ProvenanceValue)source).Synthetic));
        graph.AddField(Field("syntheticFields", "Fields of a transcribed row whose values were generated or supplied from general knowledge.", TypeRefs.ListOfNonNull("String"), (source, _) => ((ProvenanceValue)source).SyntheticFields));
        return graph;
    }
}

public sealed record EdgeValue(EntityRow Row, string Cursor);

public sealed record ProvenanceValue(string? SourceId, string? Reference, bool Synthetic, IReadOnlyList<string> SyntheticFields)
{
    public static ProvenanceValue Of(EntityRow row) => new(
        (string?)row.Get("sourceDocumentId"), (string?)row.Get("sourceReference"), (bool)row.Get("synthetic")!,
        ((string?)row.Get("syntheticFields") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A group's cell with the dimensions it was grouped by.</summary>
public sealed record GroupValue(IReadOnlyList<Dimension> Dimensions, PublishedCell Cell)
{
    public object? Key(Dimension dimension, QueryRuntime runtime)
    {
        var index = Dimensions.ToList().IndexOf(dimension);
        if (index < 0 || Cell.Row.Key?[index] is not { } value) return null;
        if (dimension.Entity != null) return runtime.LoadByKey(runtime.Model.For(dimension.Entity), value);
        var field = dimension.Field!;
        var type = Nullable.GetUnderlyingType(field.ValueType) ?? field.ValueType;
        if (type.IsEnum) return Enum.ToObject(type, value);
        if (type == typeof(bool)) return value == 1;
        return value;
    }
}
