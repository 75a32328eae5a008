using System.Collections;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// Rules on the arguments of protected statistics, checked while an aggregate is planned (a plan sees every condition an
/// aggregate's cells are cut by). A protected aggregate is answered only for a <b>cell</b> of the published dimensions:
/// every condition of its <c>where</c> names one value of a dimension <c>groupedAggregates</c> offers (see
/// <see cref="CellConditions"/>), combined with <c>and</c>. Any other condition defines a set that can differ from another
/// by one household or village, and the two published figures, compared many times over, would reveal it. With cells
/// only, the sets a caller can have published are bounded by the product of the dimensions' values, and each is one
/// observation: the cell-key noise depends on the records alone (docs/STATISTICS.md).
/// </summary>
public static class StatisticsRules
{
    /// <summary>Checks a protected aggregate's filter; throws the error the caller sees when it is not a cell.</summary>
    public static void EnsureCell(EntityModel model, EntityDescriptor type, IDictionary<string, object?>? where, Viewer viewer)
    {
        if (where == null) return;
        var role = viewer.Role.ToString().ToUpperInvariant();
        // Protected statistics describe populations, not people: no cell may be cut around one record by ID.
        if (NamesIndividualRecords(model, type, where))
            throw QueryError.Forbidden($"aggregates of {type.Name} rows cannot be restricted by row IDs for the {role} role: protected statistics describe groups, not individual households");
        var cells = CellConditions.For(model, type);
        if (OtherSet(model, type, where, "", cells) is not { } refused) return;
        var allowed = cells.Describe(type, viewer);
        throw QueryError.ProtectedStatistics(
            $"{type.Name} aggregates are protected statistics for the {role} role and are published only for cells of the published dimensions: " +
            (allowed.Length == 0
                ? $"{type.Name} has no dimension of its own, so its aggregates take no condition in 'where' (each is the cell of the row it is nested in). "
                : $"each condition in 'where' must name one value of a dimension that groupedAggregates offers ({allowed}), and conditions combine only with 'and'. ") +
            $"'{type.Name}.{refused.Path}' {refused.Why}. " +
            (allowed.Length == 0 ? "" : "Group by a dimension instead of filtering on other values. ") +
            "Why: a set defined any other way ('in' lists, neq, ranges, text matches, or, conditions on lists or through other relations) can " +
            "differ from another by one household or village, and comparing the two figures, many times over, would reveal it. " +
            "Pages of rows and totalCount take any filter (ask for them in a field of their own).");
    }

    /// <summary>The first condition that is not one value of a published dimension: its path and why, or null.</summary>
    private static (string Path, string Why)? OtherSet(EntityModel model, EntityDescriptor type, IDictionary<string, object?> filter, string prefix,
        CellConditions cells)
    {
        foreach (var (name, value) in filter)
        {
            if (value == null) continue; // an explicit null is no condition
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            if (name == "and")
            {
                foreach (var part in ((IEnumerable)value).Cast<IDictionary<string, object?>>())
                    if (OtherSet(model, type, part, prefix, cells) is { } refused) return refused;
                continue;
            }
            if (name == "or") return (path, "is a union of sets ('or')");
            if (type.ToMany.Any(r => r.Name == name)) return (path, "is a condition on a list (some, all, none, any)");
            if (type.ToOne.FirstOrDefault(r => r.Name == name) is { } relation)
            {
                if (!cells.Reaches(path)) return (path, "goes through a relation that is not a published dimension");
                if (OtherSet(model, model.For(relation.Target), (IDictionary<string, object?>)value, path, cells) is { } refused) return refused;
                continue;
            }
            if (!cells.Names(path)) return (path, "is not a published dimension");
            var operators = ((IDictionary<string, object?>)value).Keys.Where(k => k != "eq").ToList();
            if (operators.Count > 0) return ($"{path}.{operators[0]}", "does not name one value (only 'eq' does)");
        }
        return null;
    }

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
                if (((IEnumerable)value).Cast<IDictionary<string, object?>>().Any(f => NamesIndividualRecords(model, type, f))) return true;
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
