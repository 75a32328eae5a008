using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PovertyGraph.Tests.Differential;

// Filters and sort keys as small syntax trees that both print as GraphQL and evaluate over rows in memory,
// with the semantics API.md and the machinery's documentation promise:
//  - eq/neq/in/nin follow C#'s null semantics: null == null, a null column is "not equal" to a value and
//    "not in" a list;
//  - gt/gte/lt/lte never match a null column; their negations (ngt, ...) are "not (x > v)", so they do;
//  - contains/startsWith/endsWith and their negations never match a null column; strings compare ordinally;
//  - a to-one filter requires the related row to exist; some/all/none/any over the child rows, all is true
//    for an empty list; and: [] is true, or: [] is false;
//  - sorting: nulls last ascending, first descending; strings by code point (SQLite BINARY, PostgreSQL "C"); id ascending
//    as the final tiebreak; a key reached through a missing to-one relation is null.

/// <summary>A filter input object: its entries must all hold.</summary>
internal sealed class FilterObj(List<FilterEntry> entries)
{
    public List<FilterEntry> Entries { get; } = entries;
    public string Gql(TypeSpec type) => "{" + string.Join(", ", Entries.Select(e => e.Gql(type))) + "}";
}

internal abstract class FilterEntry
{
    public abstract string Key { get; }
    public abstract string Gql(TypeSpec type);
}

internal sealed class LogicEntry(bool isAnd, List<FilterObj> parts) : FilterEntry
{
    public bool IsAnd { get; } = isAnd;
    public List<FilterObj> Parts { get; } = parts;
    public override string Key => IsAnd ? "and" : "or";
    public override string Gql(TypeSpec type) => $"{Key}: [" + string.Join(", ", Parts.Select(p => p.Gql(type))) + "]";
}

internal sealed record Operation(string Op, object? Operand);

internal sealed class FieldEntry(FieldSpec field, List<Operation> operations) : FilterEntry
{
    public FieldSpec Field { get; } = field;
    public List<Operation> Operations { get; } = operations;
    public override string Key => Field.Name;
    public override string Gql(TypeSpec type) =>
        $"{Field.Name}: {{" + string.Join(", ", Operations.Select(o => $"{o.Op}: {Literal.Of(type, Field, o.Operand)}")) + "}";
}

internal sealed class ToOneEntry(ToOneSpec relation, FilterObj inner, TypeSpec target) : FilterEntry
{
    public ToOneSpec Relation { get; } = relation;
    public FilterObj Inner { get; } = inner;
    public override string Key => Relation.Name;
    public override string Gql(TypeSpec type) => $"{Relation.Name}: {Inner.Gql(target)}";
}

internal sealed record ListOperation(string Op, FilterObj? Inner, bool Any);

internal sealed class ToManyEntry(ToManySpec relation, List<ListOperation> operations, TypeSpec target) : FilterEntry
{
    public ToManySpec Relation { get; } = relation;
    public List<ListOperation> Operations { get; } = operations;
    public override string Key => Relation.Name;
    public override string Gql(TypeSpec type) => $"{Relation.Name}: {{" + string.Join(", ", Operations.Select(o =>
        o.Op == "any" ? $"any: {(o.Any ? "true" : "false")}" : $"{o.Op}: {o.Inner!.Gql(target)}")) + "}";
}

/// <summary>One sort key: a field, possibly through to-one relations, and a direction.</summary>
internal sealed record SortKeySpec(IReadOnlyList<ToOneSpec> Path, FieldSpec Field, bool Descending)
{
    public string Gql()
    {
        var inner = $"{Field.Name}: {(Descending ? "DESC" : "ASC")}";
        for (var i = Path.Count - 1; i >= 0; i--) inner = $"{Path[i].Name}: {{{inner}}}";
        return "{" + inner + "}";
    }
}

internal static class Literal
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string String(string s) => JsonSerializer.Serialize(s, Json);

    public static string GlobalId(string type, long id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{type}:{id}"));

    /// <summary>(type, key) of a global ID the server returned.</summary>
    public static (string Type, int Id) DecodeId(string id)
    {
        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(id));
        var colon = text.IndexOf(':');
        return (text[..colon], int.Parse(text[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public static string Of(TypeSpec type, FieldSpec field, object? operand) => operand switch
    {
        null => "null",
        System.Collections.IEnumerable list and not string =>
            "[" + string.Join(", ", list.Cast<object?>().Select(o => Of(type, field, o))) + "]",
        _ => field.Kind switch
        {
            FieldKind.String => String((string)operand),
            FieldKind.Bool => (long)operand == 1 ? "true" : "false",
            FieldKind.Enum => Enums.Name(field.EnumNames!, (long)operand),
            FieldKind.Id => String(GlobalId(type.Name, (long)operand)),
            _ => ((long)operand).ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };
}

/// <summary>Evaluates filters and sort orders over the loaded rows.</summary>
internal sealed class Semantics(Catalog catalog)
{
    public Catalog Catalog => catalog;

    // Many rows share a related row (villages of one county): remember to-one sub-filter results per case.
    private readonly Dictionary<(FilterObj Filter, int Row), bool> _related = [];

    public void Reset() => _related.Clear();

    /// <summary>The value of a scalar field as the evaluator compares it: long? (ids, numbers, enums, flags) or string?.</summary>
    public static object? Value(FieldSpec field, Row row) => field.Kind switch
    {
        FieldKind.Id => (long)row.Id,
        FieldKind.String => row.String(field.Column),
        _ => row.Long(field.Column),
    };

    public bool Matches(TypeSpec type, FilterObj filter, Row row)
    {
        foreach (var entry in filter.Entries)
            if (!Matches(type, entry, row)) return false;
        return true;
    }

    private bool Matches(TypeSpec type, FilterEntry entry, Row row)
    {
        switch (entry)
        {
            case LogicEntry logic:
                return logic.IsAnd ? logic.Parts.All(p => Matches(type, p, row)) : logic.Parts.Any(p => Matches(type, p, row));
            case FieldEntry field:
            {
                var value = Value(field.Field, row);
                return field.Operations.All(o => Holds(o, value));
            }
            case ToOneEntry one:
            {
                var target = catalog.Follow(row, type, one.Relation);
                if (target == null) return false;
                if (!_related.TryGetValue((one.Inner, target.Id), out var result))
                    _related[(one.Inner, target.Id)] = result = Matches(catalog[one.Relation.Target], one.Inner, target);
                return result;
            }
            case ToManyEntry many:
            {
                var children = catalog.Children(type, many.Relation, row);
                var targetType = catalog[many.Relation.Target];
                return many.Operations.All(o => o.Op switch
                {
                    "any" => children.Count > 0 == o.Any,
                    "some" => children.Any(c => Matches(targetType, o.Inner!, c)),
                    "all" => children.All(c => Matches(targetType, o.Inner!, c)),
                    "none" => !children.Any(c => Matches(targetType, o.Inner!, c)),
                    _ => throw new InvalidOperationException(o.Op),
                });
            }
            default:
                throw new InvalidOperationException(entry.GetType().Name);
        }
    }

    private static bool Holds(Operation operation, object? value)
    {
        var op = operation.Op;
        var operand = operation.Operand;
        switch (op)
        {
            case "eq": return Equals(value, operand);
            case "neq": return !Equals(value, operand);
            case "in": return value != null && ((System.Collections.IEnumerable)operand!).Cast<object>().Contains(value);
            case "nin": return !(value != null && ((System.Collections.IEnumerable)operand!).Cast<object>().Contains(value));
            case "gt": return value != null && Compare(value, operand) > 0;
            case "gte": return value != null && Compare(value, operand) >= 0;
            case "lt": return value != null && Compare(value, operand) < 0;
            case "lte": return value != null && Compare(value, operand) <= 0;
            case "ngt" or "ngte" or "nlt" or "nlte": return !Holds(operation with { Op = op[1..] }, value);
            case "contains": return value is string s1 && s1.Contains((string)operand!, StringComparison.Ordinal);
            case "startsWith": return value is string s2 && s2.StartsWith((string)operand!, StringComparison.Ordinal);
            case "endsWith": return value is string s3 && s3.EndsWith((string)operand!, StringComparison.Ordinal);
            case "ncontains" or "nstartsWith" or "nendsWith":
                return value != null && !Holds(operation with { Op = char.ToLowerInvariant(op[1]) + op[2..] }, value);
            default: throw new InvalidOperationException(op);
        }
    }

    /// <summary>Numbers numerically; strings by Unicode code point, as SQLite's BINARY and PostgreSQL's "C" collations compare UTF-8.</summary>
    public static int Compare(object? a, object? b) => (a, b) switch
    {
        (long x, long y) => x.CompareTo(y),
        (string x, string y) => CodePointCompare(x, y),
        _ => throw new InvalidOperationException($"cannot compare {a} and {b}"),
    };

    public static int CodePointCompare(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var (x, y) = (a[i], b[i]);
            if (x == y) continue;
            // A surrogate (a supplementary code point) sorts after every BMP character above it in UTF-16.
            var xs = char.IsSurrogate(x);
            var ys = char.IsSurrogate(y);
            if (xs != ys) return xs ? (y >= '\uE000' ? 1 : x.CompareTo(y)) : (x >= '\uE000' ? -1 : x.CompareTo(y));
            return x.CompareTo(y);
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>A sort key's value for a row: null when a relation on the way is missing.</summary>
    public object? SortValue(TypeSpec type, SortKeySpec key, Row row)
    {
        var current = row;
        var currentType = type;
        foreach (var relation in key.Path)
        {
            current = catalog.Follow(current, currentType, relation);
            if (current == null) return null;
            currentType = catalog[relation.Target];
        }
        return Value(key.Field, current);
    }

    public List<Row> Sorted(TypeSpec type, IEnumerable<Row> rows, IReadOnlyList<SortKeySpec> keys)
    {
        var withKeys = rows.Select(r => (Row: r, Keys: keys.Select(k => SortValue(type, k, r)).ToArray())).ToList();
        withKeys.Sort((a, b) => CompareKeys(keys, a.Keys, a.Row, b.Keys, b.Row));
        return withKeys.Select(p => p.Row).ToList();
    }

    /// <summary>Where row <paramref name="a"/> sits relative to <paramref name="b"/> in the order (keyset cursors compare this way).</summary>
    public int CompareRows(TypeSpec type, IReadOnlyList<SortKeySpec> keys, Row a, Row b) =>
        CompareKeys(keys, keys.Select(k => SortValue(type, k, a)).ToArray(), a, keys.Select(k => SortValue(type, k, b)).ToArray(), b);

    private static int CompareKeys(IReadOnlyList<SortKeySpec> keys, object?[] ak, Row a, object?[] bk, Row b)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var (x, y) = (ak[i], bk[i]);
            int c;
            if (x == null && y == null) c = 0;
            else if (x == null) c = 1;        // nulls last ascending ...
            else if (y == null) c = -1;
            else c = Compare(x, y);
            if (keys[i].Descending) c = -c;   // ... and first descending
            if (c != 0) return c;
        }
        return a.Id.CompareTo(b.Id);
    }
}
