using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Model;

/// <summary>A to-many relation, exposed as a nested connection.</summary>
public sealed class ToManyRelation
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    /// <summary>Collection navigation on the parent (v => v.Households).</summary>
    public required LambdaExpression Navigation { get; init; }
    /// <summary>The child's foreign key to the parent (h => h.VillageId).</summary>
    public required LambdaExpression ChildForeignKey { get; init; }
    public required Type Target { get; init; }
}
