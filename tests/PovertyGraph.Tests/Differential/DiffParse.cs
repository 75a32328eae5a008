using System.Globalization;
using System.Text;

namespace PovertyGraph.Tests.Differential;

/// <summary>
/// Reads a GraphQL input value written by hand (a <c>where</c> or <c>order</c> argument) into the test's own
/// filter and sort trees, so that fixed edge cases go through the same independent evaluator as random ones.
/// </summary>
internal sealed class DiffParse(Catalog catalog)
{
    public FilterObj Filter(TypeSpec type, string text) => Filter(type, (Dictionary<string, object?>)new Reader(text).Value()!);

    public List<SortKeySpec> Sort(TypeSpec type, string text) =>
        ((List<object?>)new Reader(text).Value()!).Select(item => SortKey(type, (Dictionary<string, object?>)item!, [])).ToList();

    private SortKeySpec SortKey(TypeSpec type, Dictionary<string, object?> spec, List<ToOneSpec> path)
    {
        var (name, value) = spec.Single();
        if (type.ToOne.FirstOrDefault(r => r.Name == name) is { } relation)
            return SortKey(catalog[relation.Target], (Dictionary<string, object?>)value!, [.. path, relation]);
        return new SortKeySpec(path, type.Fields.Single(f => f.Name == name), ((Symbol)value!).Name == "DESC");
    }

    private FilterObj Filter(TypeSpec type, Dictionary<string, object?> obj) => new(obj.Select(p => Entry(type, p.Key, p.Value)).ToList());

    private FilterEntry Entry(TypeSpec type, string key, object? value)
    {
        if (key is "and" or "or")
            return new LogicEntry(key == "and", ((List<object?>)value!).Select(v => Filter(type, (Dictionary<string, object?>)v!)).ToList());
        if (type.ToOne.FirstOrDefault(r => r.Name == key) is { } one)
            return new ToOneEntry(one, Filter(catalog[one.Target], (Dictionary<string, object?>)value!), catalog[one.Target]);
        if (type.ToMany.FirstOrDefault(r => r.Name == key) is { } many)
        {
            var target = catalog[many.Target];
            return new ToManyEntry(many, ((Dictionary<string, object?>)value!).Select(p => p.Key == "any"
                ? new ListOperation("any", null, ((Symbol)p.Value!).Name == "true")
                : new ListOperation(p.Key, Filter(target, (Dictionary<string, object?>)p.Value!), false)).ToList(), target);
        }
        var field = type.Fields.Single(f => f.Name == key);
        return new FieldEntry(field, ((Dictionary<string, object?>)value!).Select(p => new Operation(p.Key, Operand(type, field, p.Value))).ToList());
    }

    private static object? Operand(TypeSpec type, FieldSpec field, object? value) => value switch
    {
        null => null,
        List<object?> list when field.Kind == FieldKind.String => list.Select(v => (string)v!).ToList(),
        List<object?> list => list.Select(v => (long)Operand(type, field, v)!).ToList(),
        Symbol { Name: "null" } => null,
        Symbol s when field.Kind == FieldKind.Bool => s.Name == "true" ? 1L : 0L,
        Symbol s => (long)Array.IndexOf(field.EnumNames!, s.Name) + 1,
        string s when field.Kind == FieldKind.Id => (long)Literal.DecodeId(s).Id,
        string s => s,
        long l => l,
        _ => throw new FormatException($"unexpected operand {value}"),
    };

    /// <summary>An enum value, true, false or null, as written.</summary>
    private sealed record Symbol(string Name);

    private sealed class Reader(string text)
    {
        private int _at;

        public object? Value()
        {
            Skip();
            var c = text[_at];
            if (c == '{')
            {
                _at++;
                var obj = new Dictionary<string, object?>();
                while (true)
                {
                    Skip();
                    if (text[_at] == '}') { _at++; return obj; }
                    var name = Name();
                    Skip();
                    Expect(':');
                    obj[name] = Value();
                }
            }
            if (c == '[')
            {
                _at++;
                var list = new List<object?>();
                while (true)
                {
                    Skip();
                    if (text[_at] == ']') { _at++; return list; }
                    list.Add(Value());
                }
            }
            if (c == '"') return String();
            if (c == '-' || char.IsDigit(c))
            {
                var start = _at++;
                while (_at < text.Length && char.IsDigit(text[_at])) _at++;
                return long.Parse(text[start.._at], CultureInfo.InvariantCulture);
            }
            return new Symbol(Name());
        }

        private string Name()
        {
            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '_')) _at++;
            if (_at == start) throw new FormatException($"unexpected '{text[_at]}' at {_at} in {text}");
            return text[start.._at];
        }

        private string String()
        {
            Expect('"');
            var sb = new StringBuilder();
            while (text[_at] != '"')
            {
                if (text[_at] == '\\')
                {
                    _at++;
                    var e = text[_at++];
                    if (e == 'u') { sb.Append((char)Convert.ToInt32(text.Substring(_at, 4), 16)); _at += 4; }
                    else
                    {
                        sb.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => e });
                    }
                }
                else
                {
                    sb.Append(text[_at++]);
                }
            }
            _at++;
            return sb.ToString();
        }

        private void Expect(char c)
        {
            if (text[_at] != c) throw new FormatException($"expected '{c}' at {_at} in {text}");
            _at++;
        }

        private void Skip()
        {
            while (_at < text.Length && (char.IsWhiteSpace(text[_at]) || text[_at] == ',')) _at++;
        }
    }
}
