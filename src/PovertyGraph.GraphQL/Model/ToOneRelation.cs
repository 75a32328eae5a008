using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Model;

/// <summary>A to-one relation: the foreign key on this entity and the navigation EF joins through in filters and sorts.</summary>
public sealed class ToOneRelation
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required LambdaExpression Navigation { get; init; }
    /// <summary>Name of the internal scalar field holding the foreign key.</summary>
    public required string ForeignKey { get; init; }
    public required Type Target { get; init; }
}
