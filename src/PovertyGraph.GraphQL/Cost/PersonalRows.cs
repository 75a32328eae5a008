using GraphQL.Types;
using PovertyGraph.GraphQL.Schema.Entities;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// Whether a type's rows describe persons (households and their members): any field selected on such a type makes
/// an answer personal, whatever the caller's masking, so it is never stored in a shared cache. Aggregates over them
/// are statistics and do not count.
/// </summary>
public static class PersonalRows
{
    public static bool Describe(IGraphType type) => type is IObjectGraphType graph && graph.GetMetadata(EntityObjectType.HoldsPersonalData, false);
}
