using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Schema.Entities;

namespace PovertyGraph.GraphQL.Schema;

/// <summary>
/// The PovertyGraph schema: the graph types the machinery derives from <see cref="ApiModel"/>, and the
/// query root (node, nodes, a connection per collection, dataset, me).
/// </summary>
public sealed class PovertyGraphSchema : global::GraphQL.Types.Schema
{
    public PovertyGraphSchema(IServiceProvider services, EntityModel model) : base(services)
    {
        Description = "PovertyGraph: open data on Jilin's targeted poverty alleviation (精准扶贫).";
        var node = SharedTypes.CreateNode();
        RegisterType(node);
        RegisterType(SharedTypes.CreatePageInfo());
        RegisterType(SharedTypes.CreateSortEnum());
        RegisterType(new PartialDateGraphType());
        RegisterType(new DateOnlyGraphType { Name = "Date", Description = "ISO 8601 calendar date (yyyy-MM-dd)." });
        RegisterType(new DateTimeOffsetGraphType { Name = "DateTime", Description = "ISO 8601 date and time with offset." });
        RegisterType(new DecimalGraphType { Description = "Exact decimal number; money is in yuan." });
        RegisterType(new LongGraphType { Description = "64-bit integer (sums of counts)." });
        RegisterType(ProvenanceType.Create(model));
        foreach (var descriptor in model.All)
        {
            foreach (var type in new EntityGraphTypes(model, descriptor, node).Create())
                RegisterType(type);
        }

        foreach (var input in OperationFilterInputs.For(model)) RegisterType(input);
        var enums = new EnumTypes();
        foreach (var e in model.Enums) RegisterType(enums.For(e));
        Query = CreateQuery(model);
    }

    private static ObjectGraphType CreateQuery(EntityModel model)
    {
        var query = new ObjectGraphType { Name = "Query", Description = "Everything the API publishes. Collections are cursor connections with filters, sorts and aggregates." };
        query.AddField(new FieldType
        {
            Name = "node", Description = "Any object by its global ID; null when no such object exists.",
            ResolvedType = TypeRefs.Named(SharedTypes.Node),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(new IdGraphType())) { Name = "id", Description = "A global ID." }),
            Resolver = new FuncFieldResolver<object?>(c => LoadNode(c, model, c.GetArgument<string>("id"))),
        });
        query.AddField(new FieldType
        {
            Name = "nodes", Description = "Several objects by global ID, in the order asked; null for IDs with no object.",
            ResolvedType = new NonNullGraphType(new ListGraphType(TypeRefs.Named(SharedTypes.Node))),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(new ListGraphType(new NonNullGraphType(new IdGraphType())))) { Name = "ids", Description = "Global IDs (at most 100)." }),
            Resolver = new FuncFieldResolver<object?>(c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                if (ids.Count > 100) throw QueryError.Argument("nodes takes at most 100 IDs");
                return ids.Select(id => LoadNode(c, model, id)).ToList();
            }),
        });
        foreach (var descriptor in model.All.Where(d => d.RootField != null))
        {
            var d = descriptor;
            query.AddField(new FieldType
            {
                Name = d.RootField!, Description = $"{d.Name} rows: filter with `where`, sort with `order`, page with `first`/`after` or `last`/`before`, and aggregate.",
                ResolvedType = TypeRefs.NonNull(d.Name + "Connection"),
                Arguments = ConnectionResolvers.ArgumentsFor(d),
                Resolver = new FuncFieldResolver<object?>(c => ConnectionResolvers.Root(c, d)),
            });
        }
        query.Field<NonNullGraphType<DatasetType>>("dataset").Description("Version, build, licence, row counts, synthetic share and source documents of the dataset.")
            .ResolveAsync(async c =>
            {
                var runtime = GraphFields.Runtime(c);
                await using var db = runtime.CreateDbContext();
                return await DatasetSummary.LoadAsync(db, c.CancellationToken);
            });
        query.Field<NonNullGraphType<ViewerType>>("me").Description("Your role and scope, as the server understood your token.")
            .Resolve(c => GraphFields.Runtime(c).Viewer);
        return query;
    }

    private static object? LoadNode(IResolveFieldContext c, EntityModel model, string id)
    {
        if (!GlobalId.TryDecode(id, out var typeName, out var key) || model.ByName(typeName) is not { } type)
            throw QueryError.Argument($"'{id}' is not a valid global ID");
        object typedKey = type.HasIntegerId
            ? int.TryParse(key, out var n) ? n : throw QueryError.Argument($"'{id}' is not a valid global ID")
            : key;
        return GraphFields.Runtime(c).LoadByKey(type, typedKey);
    }
}
