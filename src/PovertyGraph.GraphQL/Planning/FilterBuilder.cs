using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// Turns a <c>where</c> argument into a predicate EF translates to SQL: field operators, and/or, to-one
/// relations through the related type's filter and to-many relations with some/all/none/any. The access
/// policy is checked on every field named, before any SQL is built. Values go into the plan's <see cref="PlanValues"/>.
/// </summary>
public sealed class FilterBuilder(EntityModel model, Viewer viewer, PlanValues values)
{
    public static readonly string[] StringOperators = ["eq", "neq", "in", "nin", "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith"];
    public static readonly string[] ComparableOperators = ["eq", "neq", "in", "nin", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];
    public static readonly string[] EqualityOperators = ["eq", "neq"];
    public static readonly string[] EnumOperators = ["eq", "neq", "in", "nin"];

    public static string[] OperatorsFor(ScalarKind kind) => kind switch
    {
        ScalarKind.String => StringOperators,
        ScalarKind.Boolean => EqualityOperators,
        ScalarKind.Enum or ScalarKind.Id => EnumOperators,
        _ => ComparableOperators,
    };

    public LambdaExpression Build(EntityDescriptor type, IDictionary<string, object?> filter)
    {
        var x = Expression.Parameter(type.ClrType, "x");
        return Expression.Lambda(Predicate(type, x, filter, type.Name), x);
    }

    private Expression Predicate(EntityDescriptor type, Expression instance, IDictionary<string, object?> filter, string path)
    {
        Expression result = Expression.Constant(true);
        foreach (var (name, value) in filter)
        {
            if (value == null) continue; // an explicit null means "no condition", as in Hot Chocolate
            var part = name switch
            {
                "and" => Combine(type, instance, value, path, Expression.AndAlso, true),
                "or" => Combine(type, instance, value, path, Expression.OrElse, false),
                _ => FieldPredicate(type, instance, name, value, path),
            };
            result = result is ConstantExpression { Value: true } ? part : Expression.AndAlso(result, part);
        }
        return result;
    }

    private Expression Combine(EntityDescriptor type, Expression instance, object value, string path,
        Func<Expression, Expression, BinaryExpression> op, bool identity)
    {
        var parts = ((IEnumerable)value).Cast<IDictionary<string, object?>>().Select(f => Predicate(type, instance, f, path)).ToList();
        return parts.Count == 0 ? Expression.Constant(identity) : parts.Aggregate((a, b) => op(a, b));
    }

    private Expression FieldPredicate(EntityDescriptor type, Expression instance, string name, object value, string path)
    {
        var operations = (IDictionary<string, object?>)value;
        if (type.ToOne.FirstOrDefault(r => r.Name == name) is { } one)
        {
            var target = model.For(one.Target);
            var navigation = ParameterReplacer.Apply(one.Navigation, instance);
            var inner = Predicate(target, navigation, operations, $"{path}.{name}");
            return Expression.AndAlso(Expression.NotEqual(navigation, Expression.Constant(null, navigation.Type)), inner);
        }
        if (type.ToMany.FirstOrDefault(r => r.Name == name) is { } many)
            return CollectionPredicate(many, instance, operations, $"{path}.{name}");

        var field = type.Fields.Single(f => f.Name == name && !f.Internal);
        if (!AccessRules.FullEverywhere(type, field, viewer))
            throw QueryError.Forbidden($"{type.Name}.{field.Name} cannot be used in 'where': the {viewer.Role.ToString().ToUpperInvariant()} role does not see it in full, and a filter on it would reveal it.");
        var member = ParameterReplacer.Apply(field.Expression, instance);
        Expression result = Expression.Constant(true);
        foreach (var (op, operand) in operations)
        {
            var part = Operation(field, member, op, operand, $"{path}.{name}");
            result = result is ConstantExpression { Value: true } ? part : Expression.AndAlso(result, part);
        }
        return result;
    }

    private Expression CollectionPredicate(ToManyRelation relation, Expression instance, IDictionary<string, object?> operations, string path)
    {
        var target = model.For(relation.Target);
        var collection = ParameterReplacer.Apply(relation.Navigation, instance);
        var element = relation.Target;
        var any = EnumerableMethod("Any", 2).MakeGenericMethod(element);
        var anyPlain = EnumerableMethod("Any", 1).MakeGenericMethod(element);
        var all = EnumerableMethod("All", 2).MakeGenericMethod(element);
        Expression result = Expression.Constant(true);
        foreach (var (op, operand) in operations)
        {
            if (operand == null) continue;
            Expression part;
            if (op == "any")
            {
                // Compared with a value, so true and false share one query shape.
                part = Expression.Equal(Expression.Call(anyPlain, collection), values.Add((bool)operand, typeof(bool)));
            }
            else
            {
                var c = Expression.Parameter(element, "c");
                var inner = Expression.Lambda(Predicate(target, c, (IDictionary<string, object?>)operand, path), c);
                part = op switch
                {
                    "some" => Expression.Call(any, collection, inner),
                    "all" => Expression.Call(all, collection, inner),
                    "none" => Expression.Not(Expression.Call(any, collection, inner)),
                    _ => throw QueryError.Argument($"{path}: unknown list operator '{op}'"),
                };
            }
            result = result is ConstantExpression { Value: true } ? part : Expression.AndAlso(result, part);
        }
        return result;
    }

    private static MethodInfo EnumerableMethod(string name, int parameters) =>
        typeof(Enumerable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters);

    private Expression Operation(ScalarField field, Expression member, string op, object? operand, string path)
    {
        var negate = op.StartsWith('n') && op != "neq" && op != "nin";
        var baseOp = negate ? char.ToLowerInvariant(op[1]) + op[2..] : op;
        Expression result;
        switch (baseOp)
        {
            case "eq" or "neq" when operand == null && member.Type.IsValueType && Nullable.GetUnderlyingType(member.Type) == null:
                result = Expression.Constant(baseOp == "neq"); // a column that is never null
                break;
            case "eq" or "neq":
            {
                var constant = operand == null ? Expression.Constant(null, member.Type) : Constant(field, operand, member.Type, path);
                result = baseOp == "eq" ? Expression.Equal(member, constant) : Expression.NotEqual(member, constant);
                break;
            }
            case "in" or "nin":
            {
                var items = ((IEnumerable?)operand ?? throw QueryError.Argument($"{path}.{op} must be a list")).Cast<object?>().ToList();
                if (items.Count == 0) throw QueryError.Argument($"{path}.{op} needs at least one value");
                var listType = typeof(List<>).MakeGenericType(member.Type);
                var list = (IList)Activator.CreateInstance(listType)!;
                foreach (var item in items) list.Add(item == null ? null : Convert(field, item, member.Type, path));
                var contains = EnumerableMethod("Contains", 2).MakeGenericMethod(member.Type);
                Expression test = Expression.Call(contains, values.Add(list, typeof(IEnumerable<>).MakeGenericType(member.Type)), member);
                result = baseOp == "in" ? test : Expression.Not(test);
                break;
            }
            case "gt" or "gte" or "lt" or "lte":
            {
                if (operand == null) throw QueryError.Argument($"{path}.{op} needs a value");
                var constant = Constant(field, operand, member.Type, path);
                result = Compare(member, constant, baseOp);
                if (negate) result = Expression.Not(result);
                break;
            }
            case "contains" or "startsWith" or "endsWith":
            {
                if (operand is not string s) throw QueryError.Argument($"{path}.{op} needs a string");
                result = TextTest(member, baseOp, s);
                // A null column neither contains nor lacks a substring.
                result = Expression.AndAlso(Expression.NotEqual(member, Expression.Constant(null, typeof(string))), negate ? Expression.Not(result) : result);
                break;
            }
            default:
                throw QueryError.Argument($"{path}: unknown operator '{op}'");
        }
        return result;
    }

    /// <summary>
    /// Case-sensitive text tests on every provider: contains becomes instr/strpos; startsWith and endsWith compare
    /// a substring, because SQLite's LIKE (what EF would use) ignores the case of ASCII letters. The substring's
    /// length is counted in characters (code points), as the databases' length() and substr() count, not in UTF-16
    /// units: a character beyond U+FFFF (CJK Extension B, in real names) is one character there and two in C#.
    /// </summary>
    private Expression TextTest(Expression member, string op, string text)
    {
        var value = values.Add(text, typeof(string));
        if (op == "contains") return Expression.Call(member, typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, value);
        var length = values.Add(text.EnumerateRunes().Count(), typeof(int));
        var substring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
        var memberLength = Expression.Property(member, nameof(string.Length));
        var start = op == "startsWith" ? (Expression)Expression.Constant(0) : Expression.Subtract(memberLength, length);
        return Expression.AndAlso(Expression.GreaterThanOrEqual(memberLength, length),
            Expression.Equal(Expression.Call(member, substring, start, length), value));
    }

    /// <summary>Comparison that works for numbers, dates and strings (string.CompareOrdinal translates to SQL &lt; and &gt;).</summary>
    public static Expression Compare(Expression member, Expression constant, string op)
    {
        if (member.Type == typeof(string))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, member, constant);
            member = compare;
            constant = Expression.Constant(0);
        }
        return op switch
        {
            "gt" => Expression.GreaterThan(member, constant),
            "gte" => Expression.GreaterThanOrEqual(member, constant),
            "lt" => Expression.LessThan(member, constant),
            _ => Expression.LessThanOrEqual(member, constant),
        };
    }

    private Expression Constant(ScalarField field, object operand, Type type, string path) =>
        values.Add(Convert(field, operand, type, path), type);

    /// <summary>Converts a parsed GraphQL value to the column's CLR type.</summary>
    public static object Convert(ScalarField field, object value, Type type, string path)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (field.Kind == ScalarKind.Id)
                return GlobalId.DecodeFor(value.ToString()!, field.EntityName ?? "");
            if (field.Kind == ScalarKind.Money)
            {
                var amount = System.Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);
                if (amount != decimal.Truncate(amount)) throw QueryError.Argument($"{path}: amounts are whole yuan; {amount} is not");
                return (long)amount;
            }
            if (target.IsEnum) return value.GetType() == target ? value : Enum.ToObject(target, value);
            if (target == typeof(DateOnly))
                return value switch { DateOnly d => d, DateTime dt => DateOnly.FromDateTime(dt), _ => DateOnly.Parse(value.ToString()!, System.Globalization.CultureInfo.InvariantCulture) };
            return System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw QueryError.Argument($"{path}: '{value}' is not a valid {field.Kind.ToString().ToLowerInvariant()}");
        }
    }
}
