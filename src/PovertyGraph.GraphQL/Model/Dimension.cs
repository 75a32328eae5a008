using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Model;

/// <summary>A groupBy dimension: an integer-valued key (an id, an enum, a year, a flag).</summary>
public sealed class Dimension
{
    /// <summary>Enum value name, e.g. COUNTY, PRIMARY_CAUSE.</summary>
    public required string Name { get; init; }
    /// <summary>Field name in the keys object, e.g. county, primaryCause.</summary>
    public required string KeyField { get; init; }
    public required string Description { get; init; }
    public required LambdaExpression Expression { get; init; }
    /// <summary>Entity the key is the id of (geography levels), or null.</summary>
    public Type? Entity { get; init; }
    /// <summary>The scalar field the key comes from, for enum, year and flag keys.</summary>
    public ScalarField? Field { get; init; }
}
