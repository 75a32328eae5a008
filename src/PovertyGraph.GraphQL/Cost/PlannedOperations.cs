using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BitFaster.Caching.Lru;
using GraphQLParser.AST;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// The plans and the cost of operations already validated, by (operation node, kind of caller, variables): a document
/// sent again (from the document cache, so the same nodes) by the same kind of caller with the same variables has the
/// same argument values, hence the same plans and cost, which are immutable values. The cost rule then plans nothing.
/// The kind of caller is what plans depend on: the role, and an organisation's partner villages. Bounded, least
/// recently used first (BitFaster.Caching); <see cref="PagingOptions.PlannedOperations"/> 0 turns it off. Costs scale by
/// the table statistics, so an entry is for one reading of them (<see cref="TableStatistics.Generation"/>).
/// </summary>
public sealed class PlannedOperations(PagingOptions paging, TableStatistics statistics)
{
    /// <summary>What validating an operation produced: its cost, and the plan of each connection field.</summary>
    public sealed record Entry(OperationCost Cost, KeyValuePair<GraphQLField, ConnectionPlan>[] Plans);

    private readonly ConcurrentLru<(GraphQLOperationDefinition, string, string, int), Entry>? _entries =
        paging.PlannedOperations > 0 ? new(paging.PlannedOperations) : null;

    public bool TryGet(GraphQLOperationDefinition operation, Viewer viewer, global::GraphQL.Inputs? variables, out Entry entry)
    {
        entry = null!;
        return _entries != null && _entries.TryGet(Key(operation, viewer, variables), out entry!);
    }

    public void Add(GraphQLOperationDefinition operation, Viewer viewer, global::GraphQL.Inputs? variables, Entry entry) =>
        _entries?.AddOrUpdate(Key(operation, viewer, variables), entry);

    private (GraphQLOperationDefinition, string, string, int) Key(GraphQLOperationDefinition operation, Viewer viewer, global::GraphQL.Inputs? variables) =>
        (operation, CallerKind(viewer), variables is not { Count: > 0 } ? "" : Canonical(new StringBuilder(), variables).ToString(), statistics.Generation);

    /// <summary>The variables as text that differs whenever a value does: strings quoted, other values with their type.</summary>
    private static StringBuilder Canonical(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                return text.Append("null");
            case string s:
                return text.Append(JsonSerializer.Serialize(s));
            case IEnumerable<KeyValuePair<string, object?>> map:
                text.Append('{');
                foreach (var (name, item) in map) Canonical(text.Append(JsonSerializer.Serialize(name)).Append(':'), item).Append(',');
                return text.Append('}');
            case IEnumerable list:
                text.Append('[');
                foreach (var item in list) Canonical(text, item).Append(',');
                return text.Append(']');
            default:
                return text.Append(value.GetType().Name).Append(':').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }

    private static string CallerKind(Viewer viewer) =>
        viewer.Role == Role.Ngo ? "Ngo:" + string.Join(',', viewer.PartnerVillages.Order()) : viewer.Role.ToString();
}
