using GraphQL.Types;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;
using static PovertyGraph.GraphQL.Schema.Entities.GraphFields;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>An entity's aggregate types: sums, averages, minimums and maximums, groups, group-by dimensions and keys.</summary>
public static class AggregateTypes
{
    public static IEnumerable<IGraphType> Create(EntityModel model, EntityDescriptor type)
    {
        var n = type.Name;
        var numeric = type.Fields.Where(f => f.Aggregatable).ToList();
        var functions = new (AggregateFunction Function, string Name, string Description)[]
        {
            (AggregateFunction.Sum, "sum", "Sums"), (AggregateFunction.Avg, "avg", "Averages"),
            (AggregateFunction.Min, "min", "Minimums"), (AggregateFunction.Max, "max", "Maximums"),
        };
        if (numeric.Count > 0)
        {
            foreach (var (function, name, description) in functions)
            {
                var graph = new ObjectGraphType { Name = n + char.ToUpperInvariant(name[0]) + name[1..] + "Aggregates", Description = $"{description} of the numeric fields of {n} (null when the cell is suppressed or empty)." };
                for (var i = 0; i < numeric.Count; i++)
                {
                    var (f, index, fn) = (numeric[i], i, function);
                    var scalar = fn switch
                    {
                        AggregateFunction.Avg => "Float",
                        AggregateFunction.Sum => f.Kind == ScalarKind.Money ? "Decimal" : "Long",
                        _ => f.Kind == ScalarKind.Money ? "Decimal" : "Int",
                    };
                    graph.AddField(Field(f.Name, f.Description, TypeRefs.Named(scalar), (source, _) =>
                    {
                        var cell = (PublishedCell)source;
                        if (cell.Suppressed) return null;
                        var value = cell.Row.Get(fn, index);
                        return value switch
                        {
                            null => null,
                            long l when f.Kind == ScalarKind.Money => (decimal)l,
                            long l when fn != AggregateFunction.Sum => (int)l,
                            double d => Math.Round(d, 4),
                            _ => value,
                        };
                    }));
                }
                yield return graph;
            }
        }

        foreach (var grouped in new[] { false, true })
        {
            if (grouped && type.Dimensions.Count == 0) continue;
            var graph = new ObjectGraphType
            {
                Name = n + (grouped ? "AggregateGroup" : "Aggregates"),
                Description = grouped ? $"One group of {n} rows and its aggregates." : $"Aggregates over every {n} row the filter matched.",
            };
            if (grouped)
                graph.AddField(Field("keys", "The values this group shares.", TypeRefs.NonNull(n + "GroupKeys"), (source, _) => (GroupValue)source));
            graph.AddField(Field("count", grouped ? "Number of rows in the group (null when suppressed)." : "Number of rows the filter matched.",
                grouped ? TypeRefs.Named("Int") : TypeRefs.NonNull("Int"),
                (source, _) => grouped ? ((GroupValue)source).Cell is { Suppressed: false } cell ? cell.Row.Count : null : ((PublishedCell)source).Row.Count));
            if (numeric.Count > 0)
            {
                foreach (var (_, name, description) in functions)
                {
                    graph.AddField(Field(name, $"{description} of the numeric fields.", TypeRefs.Named(n + char.ToUpperInvariant(name[0]) + name[1..] + "Aggregates"),
                        (source, _) => grouped ? ((GroupValue)source).Cell : source));
                }
            }

            graph.AddField(Field("suppressed", "True when the cell has too few households to publish; its values are then null (see the README's statistics rule).",
                TypeRefs.NonNull("Boolean"), (source, _) => grouped ? ((GroupValue)source).Cell.Suppressed : ((PublishedCell)source).Suppressed));
            yield return graph;
        }

        if (type.Dimensions.Count == 0) yield break;
        var groupBy = new EnumerationGraphType { Name = n + "GroupBy", Description = $"Dimensions {n} rows can be grouped by." };
        foreach (var d in type.Dimensions) groupBy.Add(new EnumValueDefinition(d.Name, d.Name) { Description = d.Description });
        yield return groupBy;

        var keys = new ObjectGraphType { Name = n + "GroupKeys", Description = $"Key values of a {n} group; only the dimensions grouped by are set." };
        foreach (var dimension in type.Dimensions)
        {
            var d = dimension;
            var keyType = d.Entity != null ? TypeRefs.Named(model.For(d.Entity).Name)
                : TypeRefs.Named(TypeRefs.ScalarName(d.Field!));
            keys.AddField(Field(d.KeyField, d.Description, keyType, (source, user) => ((GroupValue)source).Key(d, Runtime(user))));
        }
        yield return keys;
    }
}
