using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// Rules on the arguments of protected statistics, checked while an aggregate is planned (the place for rules on series
/// of queries, too: a plan sees every condition an aggregate's cells are cut by).
/// </summary>
public static class StatisticsRules
{
    /// <summary>
    /// Whether a filter on a protected-statistics type names rows by ID (directly, or through a relation to another
    /// protected-statistics type), which would let an aggregate describe one household.
    /// </summary>
    public static bool NamesIndividualRecords(EntityModel model, EntityDescriptor type, IDictionary<string, object?>? filter)
    {
        if (filter == null) return false;
        foreach (var (name, value) in filter)
        {
            if (value == null) continue;
            if (name is "and" or "or")
            {
                if (((System.Collections.IEnumerable)value).Cast<IDictionary<string, object?>>().Any(f => NamesIndividualRecords(model, type, f))) return true;
                continue;
            }
            if (name == "id" && type.ProtectedStatistics) return true;
            var relation = type.ToOne.FirstOrDefault(r => r.Name == name)?.Target ?? type.ToMany.FirstOrDefault(r => r.Name == name)?.Target;
            if (relation == null || value is not IDictionary<string, object?> inner) continue;
            var target = model.For(relation);
            if (!target.ProtectedStatistics) continue;
            // To-many filters nest one level deeper (some/all/none).
            var scopes = type.ToMany.Any(r => r.Name == name) ? inner.Values.OfType<IDictionary<string, object?>>() : [inner];
            if (scopes.Any(f => NamesIndividualRecords(model, target, f))) return true;
        }
        return false;
    }
}
