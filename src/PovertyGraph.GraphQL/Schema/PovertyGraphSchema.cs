using GraphQL.Types;

namespace PovertyGraph.GraphQL.Schema;

/// <summary>The PovertyGraph schema. (Skeleton: the query root is filled in by the schema builder.)</summary>
public sealed class PovertyGraphSchema : global::GraphQL.Types.Schema
{
    public PovertyGraphSchema(IServiceProvider services) : base(services)
    {
        var query = new ObjectGraphType { Name = "Query", Description = "PovertyGraph: open data on Jilin's targeted poverty alleviation." };
        query.Field<NonNullGraphType<StringGraphType>>("hello").Description("Placeholder root field.").Resolve(_ => "world");
        Query = query;
    }
}
