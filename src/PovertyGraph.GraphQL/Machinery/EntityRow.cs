using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.GraphQL.Machinery;

/// <summary>
/// One row as the API sees it: the values the caller may see, already masked in SQL by its projection plan.
/// Every object a resolver reads is one of these; no entity instance with raw personal data is ever loaded.
/// </summary>
public sealed class EntityRow(ProjectionPlan plan, object?[] values)
{
    public EntityDescriptor Type => plan.Type;
    public ProjectionPlan Plan => plan;
    public object Id => values[0]!;

    public object? Get(string field) => Get(plan.Type.SlotOf(field));

    /// <summary>The value of the field in this slot of the type's fields (<see cref="EntityDescriptor.SlotOf"/>).</summary>
    public object? Get(int slot) => plan.Value(values, slot);

    public AccessLevel LevelOf(int slot) => plan.LevelOf(values, slot);

    /// <summary>The related row of a to-one relation, when the row's own statement fetched it (see <see cref="RowPrefetch"/>).</summary>
    public bool TryRelated(string relation, out EntityRow? row) => plan.TryRelated(values, relation, out row);

    /// <summary>The number of children of a to-many relation (unfiltered), when the row's own statement counted them.</summary>
    public bool TryCount(string relation, out int count) => plan.TryCount(values, relation, out count);

    /// <summary>Value of the n-th extra expression (sort keys for cursors).</summary>
    public object? Extra(int index) => values[plan.ExtraStart + index];
}
