using System.Text;
using System.Text.Json.Nodes;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.Server.Downloads;

/// <summary>
/// A grouped download as a table: one column per key (places by ID and name), <c>count</c>, one <c>sum_&lt;field&gt;</c>
/// per field whose values add up (<see cref="ScalarField.Summable"/>) and <c>status</c> (exact, perturbed or
/// suppressed), read from the groupedAggregates field it is: the same plan, access rules and protected statistics.
/// </summary>
public sealed class GroupedTable
{
    public const string Exact = "exact", Perturbed = "perturbed", Suppressed = "suppressed";

    private readonly List<(Dimension Dimension, EntityDescriptor? Target)> _keys = [];
    private readonly List<ScalarField> _sums;

    public GroupedTable(EntityModel model, EntityDescriptor type, IReadOnlyList<string> groupBy, bool includeNullKeys, Viewer viewer, int maxGroups)
    {
        Type = type;
        Protected = AccessRules.ProtectsStatistics(type, viewer);
        foreach (var name in groupBy)
        {
            var dimension = type.Dimensions.FirstOrDefault(d => d.Name == name)
                ?? throw DownloadProblem.BadRequest($"'{name}' is not a dimension of {type.Name}; groupBy takes {string.Join(", ", type.Dimensions.Select(d => d.Name))}.");
            _keys.Add((dimension, dimension.Entity == null ? null : model.For(dimension.Entity)));
        }
        _sums = type.Fields.Where(f => f.Summable && DownloadColumns.Visible(type, f, viewer)).ToList();
        var keys = new StringBuilder();
        foreach (var (dimension, target) in _keys)
            keys.Append(' ').Append(dimension.KeyField).Append(target == null ? "" : target.PublicFields.Any(f => f.Name == "name") ? " { id name }" : " { id }");
        var sums = _sums.Count == 0 ? "" : $" sum {{ {string.Join(' ', _sums.Select(f => f.Name))} }}";
        Document = $"query GroupedDownload($where: {type.Name}FilterInput) {{ {type.RootField}(where: $where) {{ groupedAggregates(groupBy: [{string.Join(", ", groupBy)}], " +
                   $"first: {maxGroups}, includeNullKeys: {(includeNullKeys ? "true" : "false")}) {{ keys {{{keys} }} count{sums} suppressed }} }} }}";
        Columns = Describe().ToList();
    }

    public EntityDescriptor Type { get; }
    /// <summary>Whether the caller gets protected statistics (cells perturbed or suppressed).</summary>
    public bool Protected { get; }
    /// <summary>The GraphQL document the table is the answer to.</summary>
    public string Document { get; }
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>One row per group of the answer, in its order (by the keys).</summary>
    public IEnumerable<object?[]> Rows(JsonArray groups)
    {
        foreach (var group in groups.OfType<JsonObject>())
        {
            var row = new List<object?>();
            var keys = group["keys"]!.AsObject();
            foreach (var (dimension, target) in _keys)
            {
                var key = keys[dimension.KeyField];
                if (target != null)
                {
                    row.Add(key?["id"]?.GetValue<string>());
                    if (target.PublicFields.Any(f => f.Name == "name")) row.Add(key?["name"]?.GetValue<string>());
                }
                else
                {
                    row.Add(key == null ? null : KeyValue(dimension, key));
                }
            }
            var suppressed = group["suppressed"]!.GetValue<bool>();
            row.Add(group["count"]?.GetValue<long>());
            foreach (var field in _sums) row.Add(group["sum"]?[field.Name] is { } sum ? (long)sum.GetValue<decimal>() : null);
            row.Add(suppressed ? Suppressed : Protected ? Perturbed : Exact);
            yield return row.ToArray();
        }
    }

    private static object KeyValue(Dimension dimension, JsonNode key) => dimension.Field?.Kind switch
    {
        ScalarKind.Boolean => key.GetValue<bool>(),
        ScalarKind.Int => key.GetValue<long>(),
        _ => key.GetValue<string>(),
    };

    private IEnumerable<TableColumn> Describe()
    {
        const string empty = "suppressed cell (see status), or no value";
        foreach (var (dimension, target) in _keys)
        {
            if (target != null)
            {
                yield return new TableColumn(dimension.KeyField + ".id", ColumnType.Text, $"Key: {dimension.Description} Global ID of the {target.Name}.") { EmptyMeans = "unknown (null key)" };
                if (target.PublicFields.Any(f => f.Name == "name"))
                    yield return new TableColumn(dimension.KeyField + ".name", ColumnType.Text, $"Key: {dimension.Description} Name of the {target.Name}.") { EmptyMeans = "unknown (null key)" };
                continue;
            }
            var type = dimension.Field?.Kind switch { ScalarKind.Boolean => ColumnType.Boolean, ScalarKind.Int => ColumnType.Integer, _ => ColumnType.Text };
            yield return new TableColumn(dimension.KeyField, type, $"Key: {dimension.Description} {dimension.Field?.Description}".TrimEnd())
            {
                Unit = dimension.Field?.Unit?.Name,
                EmptyMeans = Protected ? "unknown (null key), or hidden for a suppressed cell" : "unknown (null key)",
            };
        }
        var rule = Protected ? " Protected statistics: perturbed by the cell-key method, or suppressed (see status and the statistics rule)." : " Exact.";
        yield return new TableColumn("count", ColumnType.Integer, $"Number of {Type.Name} rows in the cell.{rule}") { Unit = Plural(Type.Name), EmptyMeans = Protected ? empty : null };
        foreach (var field in _sums)
        {
            yield return new TableColumn("sum_" + field.Name, ColumnType.Integer, $"Sum over the cell of {Type.Name}.{field.Name}: {field.Description}{rule}")
            {
                Unit = field.Unit?.Name, EmptyMeans = empty,
            };
        }

        yield return new TableColumn("status", ColumnType.Text,
            "exact: the cell's true figures; perturbed: published with the cell-key method's bounded noise; suppressed: too few records to publish, values empty (never 0).");
    }

    /// <summary>What a count counts: households, persons, villages …</summary>
    private static string Plural(string type) => type.EndsWith('y') ? type[..^1].ToLowerInvariant() + "ies" : type.ToLowerInvariant() + "s";
}
