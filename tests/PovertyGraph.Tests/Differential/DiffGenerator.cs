using System.Text.Json.Nodes;

namespace PovertyGraph.Tests.Differential;

/// <summary>(function, field) pairs of an aggregates or group selection; functions are sum, avg, min, max.</summary>
internal sealed record AggregateSelection(List<(string Function, FieldSpec Field)> Values)
{
    public string Gql() => string.Join(" ", Values.GroupBy(v => v.Function)
        .Select(g => $"{g.Key} {{ {string.Join(" ", g.Select(v => v.Field.Name).Distinct())} }}"));
}

internal sealed record GroupRequest(string Alias, List<DimSpec> Dims, int? First, bool? IncludeNullKeys, AggregateSelection Values, TypeSpec Type)
{
    public string Gql()
    {
        var args = new List<string> { $"groupBy: [{string.Join(", ", Dims.Select(d => d.Name))}]" };
        if (First != null) args.Add($"first: {First}");
        if (IncludeNullKeys != null) args.Add($"includeNullKeys: {(IncludeNullKeys.Value ? "true" : "false")}");
        var keys = string.Join(" ", Dims.Select(d => d.Kind == DimKind.Entity ? $"{d.KeyField} {{ id }}" : d.KeyField));
        return $"{Alias}: groupedAggregates({string.Join(", ", args)}) {{ keys {{ {keys} }} count {Values.Gql()} suppressed }}";
    }
}

/// <summary>Random filters, sorts and aggregate requests with operands drawn from the rows themselves.</summary>
internal sealed class DiffGenerator(Catalog catalog, Random random, bool allowProtected)
{
    private static readonly string[] StringOps = ["eq", "neq", "in", "nin", "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith"];
    private static readonly string[] NumberOps = ["eq", "neq", "in", "nin", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];
    private static readonly string[] BoolOps = ["eq", "neq"];
    private static readonly string[] EnumOps = ["eq", "neq", "in", "nin"];
    private static readonly string[] Functions = ["sum", "avg", "min", "max"];

    public Random Random => random;

    private bool Chance(double p) => random.NextDouble() < p;
    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private IEnumerable<FieldSpec> Filterable(TypeSpec type) => type.Fields.Where(f => f.Filter && (allowProtected || !f.Protected));
    private IEnumerable<FieldSpec> Sortable(TypeSpec type) => type.Fields.Where(f => f.Sort && (allowProtected || !f.Protected));

    // ------------------------------------------------------------------ filters

    public FilterObj Filter(TypeSpec type, int depth, int conditions)
    {
        var entries = new List<FilterEntry>();
        for (var attempt = 0; entries.Count < conditions && attempt < 20; attempt++)
        {
            var entry = Entry(type, depth);
            if (entry != null && entries.All(e => e.Key != entry.Key)) entries.Add(entry);
        }
        return new FilterObj(entries);
    }

    private FilterEntry? Entry(TypeSpec type, int depth)
    {
        var roll = random.NextDouble();
        var nested = depth < 2;
        if (nested && roll < 0.15 && type.ToOne.Count > 0)
        {
            var relation = Pick(type.ToOne);
            var target = catalog[relation.Target];
            return new ToOneEntry(relation, Filter(target, depth + 1, random.Next(1, 3)), target);
        }
        if (nested && roll < 0.30 && type.ToMany.Count > 0)
        {
            var relation = Pick(type.ToMany);
            var target = catalog[relation.Target];
            var ops = new[] { "some", "all", "none", "any" }.OrderBy(_ => random.Next()).Take(Chance(0.2) ? 2 : 1)
                .Select(op => new ListOperation(op, op == "any" ? null : Filter(target, depth + 1, 1), Chance(0.5))).ToList();
            return new ToManyEntry(relation, ops, target);
        }
        if (nested && roll < 0.42)
        {
            var count = Chance(0.03) ? 0 : random.Next(1, 4);
            var parts = Enumerable.Range(0, count).Select(_ => Filter(type, depth + 1, random.Next(1, 3))).ToList();
            return new LogicEntry(Chance(0.4), parts);
        }
        var fields = Filterable(type).ToList();
        // Ids are a less interesting filter: keep them rarer.
        var field = Pick(fields.Count > 1 && Chance(0.85) ? fields.Skip(1).ToList() : fields);
        var operators = OperatorsFor(field).OrderBy(_ => random.Next()).Take(Chance(0.2) ? 2 : 1);
        return new FieldEntry(field, operators.Select(op => new Operation(op, Operand(type, field, op))).ToList());
    }

    private static string[] OperatorsFor(FieldSpec field) => field.Kind switch
    {
        FieldKind.String => StringOps,
        FieldKind.Bool => BoolOps,
        FieldKind.Enum or FieldKind.Id => EnumOps,
        _ => NumberOps,
    };

    /// <summary>A value of the field from a random row (null only when asked and the column has nulls).</summary>
    private object? Sample(TypeSpec type, FieldSpec field, bool allowNull)
    {
        for (var i = 0; i < 30; i++)
        {
            var value = Semantics.Value(field, Pick(type.Rows));
            if (value != null || allowNull) return value;
        }
        return field.Kind switch
        {
            FieldKind.String => "村",
            FieldKind.Enum => (long)random.Next(1, field.EnumNames!.Length + 1),
            FieldKind.Bool => (long)random.Next(2),
            _ => 2017L,
        };
    }

    private object? Operand(TypeSpec type, FieldSpec field, string op)
    {
        switch (op)
        {
            case "eq" or "neq":
                if (field.Nullable && Chance(0.15)) return null;
                if (field.Kind == FieldKind.Enum && Chance(0.2)) return (long)random.Next(1, field.EnumNames!.Length + 1);
                if (field.Kind == FieldKind.String && Chance(0.1)) return Probe((string)Sample(type, field, false)!);
                return Sample(type, field, false);
            case "in" or "nin":
            {
                var values = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Sample(type, field, false)!).Distinct().ToList();
                if (field.Kind == FieldKind.String) return values.Cast<string>().ToList();
                return values.Cast<long>().ToList();
            }
            case "gt" or "gte" or "lt" or "lte" or "ngt" or "ngte" or "nlt" or "nlte":
                return (long)Sample(type, field, false)! + (Chance(0.3) ? random.Next(-1, 2) : 0);
            default:
            {
                var value = (string)Sample(type, field, false)!;
                if (Chance(0.12)) return Probe(value);
                var length = Math.Min(value.Length, random.Next(1, 4));
                var baseOp = op.StartsWith('n') ? char.ToLowerInvariant(op[1]) + op[2..] : op;
                return baseOp switch
                {
                    "startsWith" => value[..length],
                    "endsWith" => value[^length..],
                    _ => value.Substring(random.Next(value.Length - length + 1), length),
                };
            }
        }
    }

    /// <summary>Edge cases for string operators: empty, LIKE wildcards, another case, a whole value.</summary>
    private string Probe(string sample) => random.Next(7) switch
    {
        0 => "",
        1 => "%",
        2 => "_",
        3 or 4 => sample.ToLowerInvariant() == sample ? sample.ToUpperInvariant() : sample.ToLowerInvariant(),
        5 => sample.Length > 1 ? sample[..1] + "%" : "%" + sample,
        _ => sample,
    };

    // ------------------------------------------------------------------ sorting

    public List<SortKeySpec> Sort(TypeSpec type)
    {
        var roll = random.NextDouble();
        var count = roll < 0.12 ? 0 : roll < 0.5 ? 1 : roll < 0.85 ? 2 : 3;
        var keys = new List<SortKeySpec>();
        for (var i = 0; i < count; i++)
        {
            var path = new List<ToOneSpec>();
            var current = type;
            while (path.Count < 2 && current.ToOne.Count > 0 && Chance(path.Count == 0 ? 0.3 : 0.3))
            {
                var relation = Pick(current.ToOne);
                path.Add(relation);
                current = catalog[relation.Target];
            }
            var fields = Sortable(current).ToList();
            if (fields.Count == 0) continue;
            keys.Add(new SortKeySpec(path, Pick(fields), Chance(0.5)));
        }
        return keys;
    }

    // ------------------------------------------------------------------ aggregates

    public AggregateSelection Values(TypeSpec type)
    {
        var numeric = type.Numeric.Where(f => allowProtected || !f.Protected).ToList();
        var values = new List<(string, FieldSpec)>();
        if (numeric.Count == 0) return new AggregateSelection(values);
        foreach (var function in Functions)
        {
            if (Chance(0.5))
            {
                foreach (var field in numeric.OrderBy(_ => random.Next()).Take(random.Next(1, numeric.Count + 1)))
                    values.Add((function, field));
            }
        }

        return new AggregateSelection(values);
    }

    public List<GroupRequest> Groups(TypeSpec type)
    {
        var result = new List<GroupRequest>();
        if (type.Dims.Count == 0) return result;
        var count = Chance(0.55) ? (Chance(0.3) ? 2 : 1) : 0;
        for (var i = 0; i < count; i++)
        {
            var dims = type.Dims.OrderBy(_ => random.Next()).Take(Chance(0.55) ? 1 : 2).ToList();
            int? first = Chance(0.3) ? random.Next(0, 7) : null;
            var roll = random.Next(3);
            bool? includeNullKeys = roll == 0 ? null : roll == 1;
            result.Add(new GroupRequest($"g{i}", dims, first, includeNullKeys, Values(type), type));
        }
        return result;
    }
}

/// <summary>The expected JSON of aggregates and groups, computed from the rows.</summary>
internal static class Expected
{
    public static JsonObject Aggregates(List<Row> rows, AggregateSelection selection)
    {
        var result = new JsonObject { ["count"] = rows.Count };
        foreach (var group in selection.Values.GroupBy(v => v.Function))
        {
            var obj = new JsonObject();
            foreach (var field in group.Select(v => v.Field).Distinct())
                obj[field.Name] = Value(group.Key, field, rows);
            result[group.Key] = obj;
        }
        return result;
    }

    private static JsonNode? Value(string function, FieldSpec field, List<Row> rows)
    {
        var values = rows.Select(r => r.Long(field.Column)).Where(v => v != null).Select(v => v!.Value).ToList();
        // An empty cell has no sum; a non-empty one whose values are all null sums to 0 (the schema: "null when
        // the cell is suppressed or empty"), while its average, minimum and maximum are null.
        if (values.Count == 0) return function == "sum" && rows.Count > 0 ? JsonValue.Create(0m) : null;
        return function switch
        {
            "sum" => JsonValue.Create(values.Aggregate(0m, (a, v) => a + v)),
            "avg" => JsonValue.Create((double)(values.Aggregate(0m, (a, v) => a + v) / values.Count)),
            "min" => JsonValue.Create(values.Min()),
            _ => JsonValue.Create(values.Max()),
        };
    }

    public static JsonArray Groups(Catalog catalog, TypeSpec type, List<Row> rows, GroupRequest request, int maxGroups)
    {
        var keyed = rows.Select(r => (Row: r, Key: request.Dims.Select(d => catalog.DimValue(type, d, r)).ToArray()));
        if (request.IncludeNullKeys != true) keyed = keyed.Where(p => p.Key.All(k => k != null));
        var groups = keyed.GroupBy(p => string.Join("|", p.Key.Select(k => k?.ToString() ?? "null")))
            .Select(g => (Key: g.First().Key, Rows: g.Select(p => p.Row).ToList()))
            .ToList();
        groups.Sort((a, b) =>
        {
            for (var i = 0; i < request.Dims.Count; i++)
            {
                var (x, y) = (a.Key[i], b.Key[i]);
                var c = x == null ? (y == null ? 0 : 1) : y == null ? -1 : x.Value.CompareTo(y.Value);
                if (c != 0) return c;
            }
            return 0;
        });
        var array = new JsonArray();
        foreach (var (key, groupRows) in groups.Take(Math.Min(request.First ?? maxGroups, maxGroups)))
        {
            var keys = new JsonObject();
            for (var i = 0; i < request.Dims.Count; i++)
            {
                var dim = request.Dims[i];
                keys[dim.KeyField] = key[i] is not { } v ? null : dim.Kind switch
                {
                    DimKind.Entity => new JsonObject { ["id"] = Literal.GlobalId(dim.Entity!, v) },
                    DimKind.Enum => JsonValue.Create(Enums.Name(dim.EnumNames!, v)),
                    DimKind.Bool => JsonValue.Create(v == 1),
                    _ => JsonValue.Create(v),
                };
            }
            var cell = Aggregates(groupRows, request.Values);
            cell["keys"] = keys;
            cell["suppressed"] = false;
            array.Add(cell);
        }
        return array;
    }
}
