using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// One row as the API sees it: the values the caller may see, already masked in SQL by its projection plan.
/// Every object a resolver reads is one of these; no entity instance with raw personal data is ever loaded.
/// </summary>
public sealed class EntityRow(ProjectionPlan plan, object?[] values)
{
    public EntityDescriptor Type => plan.Type;
    public object Id => values[0]!;

    public object? Get(string field) => Get(plan.Type.SlotOf(field));

    /// <summary>The value of the field in this slot of the type's fields (<see cref="EntityDescriptor.SlotOf"/>).</summary>
    public object? Get(int slot) => plan.Value(values, slot);

    public AccessLevel LevelOf(int slot) => plan.LevelOf(values, slot);

    /// <summary>The related row of a to-one relation, when the row's own statement fetched it (null inside: there is none).</summary>
    public bool TryRelated(string relation, out EntityRow? row)
    {
        row = null;
        if (!plan.TryRelated(relation, out var offset, out var related)) return false;
        if (values[offset] != null) row = new EntityRow(related!, values[offset..(offset + related!.Width)]);
        return true;
    }

    /// <summary>The number of children of a to-many relation (unfiltered), when the row's own statement counted them.</summary>
    public bool TryCount(string relation, out int count)
    {
        count = 0;
        if (!plan.TryCount(relation, out var slot)) return false;
        count = Convert.ToInt32(values[slot], System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Value of the n-th extra expression (sort keys for cursors).</summary>
    public object? Extra(int index) => values[plan.ExtraStart + index];

    /// <summary>A page of a nested connection the row's own statement fetched, by the nested connection's plan.</summary>
    public Page? InlinePage(ConnectionPlan plan) => _pages?.GetValueOrDefault(plan);

    private Dictionary<ConnectionPlan, Page>? _pages;

    internal void AddInlinePage(ConnectionPlan plan, Page page) => (_pages ??= new Dictionary<ConnectionPlan, Page>(ReferenceEqualityComparer.Instance))[plan] = page;
}
