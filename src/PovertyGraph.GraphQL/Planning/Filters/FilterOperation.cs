using System.Linq.Expressions;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary>
/// One operation of a scalar field's condition input (<c>eq</c>, <c>contains</c>, <c>ngt</c> …), declared once: its
/// GraphQL name (which is its identity in every <c>where</c>), its description and the kinds of scalar it applies to.
/// Its own small class turns a condition into a predicate. <see cref="FilterConvention"/> lists the operations; the
/// schema's condition inputs and <see cref="FilterBuilder"/> both read that list.
/// </summary>
public abstract class FilterOperation(string name, string description, IReadOnlySet<ScalarKind> kinds)
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>Whether the operand is a list of values (<c>in</c>, <c>nin</c>) rather than one.</summary>
    public virtual bool TakesList => false;

    public bool AppliesTo(ScalarKind kind) => kinds.Contains(kind);

    /// <summary>The condition on the operand's column; input values become plan values, never constants.</summary>
    public abstract Expression Build(FilterOperand operand);
}
