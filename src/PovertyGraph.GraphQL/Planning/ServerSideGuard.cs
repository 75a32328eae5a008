using System.Linq.Expressions;
using System.Reflection;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// EF Core throws when a filter, sort or grouping cannot be translated, but silently evaluates the final
/// projection in memory when it contains something SQL cannot express. The machinery builds its projections
/// only from what translates; this guard enforces that: any other method call in a projection is refused
/// when the projection is built, before it could ever run on the client.
/// </summary>
public sealed class ServerSideGuard : ExpressionVisitor
{
    /// <summary>Methods EF Core translates on both providers, as the masking and dimension expressions use them.</summary>
    private static readonly HashSet<MethodInfo> Translatable =
    [
        typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!,
        typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!,
        typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string), typeof(string)])!,
    ];

    private static readonly MethodInfo StringJoin = typeof(string).GetMethod(nameof(string.Join), [typeof(string), typeof(IEnumerable<string>)])!;

    private ServerSideGuard() { }

    public static void Check(LambdaExpression projection, string what)
    {
        try { new ServerSideGuard().Visit(projection.Body); }
        catch (NotSupportedException e) { throw new InvalidOperationException($"{what}: {e.Message}", e); }
    }

    /// <summary>Operators of the subqueries a projection may hold (a nested page as JSON): their lambdas are checked too.</summary>
    private static readonly HashSet<string> SubqueryOperators =
        [nameof(Enumerable.Where), nameof(Enumerable.OrderBy), nameof(Enumerable.OrderByDescending), nameof(Enumerable.ThenBy),
         nameof(Enumerable.ThenByDescending), nameof(Enumerable.Take), nameof(Enumerable.GroupBy), nameof(Enumerable.Select), nameof(Enumerable.FirstOrDefault)];

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType == typeof(Enumerable) && SubqueryOperators.Contains(node.Method.Name))
        {
            // Conditions and keys of a subquery are translated or refused by EF, never run in memory; what it selects is checked.
            foreach (var argument in node.Arguments)
            {
                if (argument is not LambdaExpression lambda) Visit(argument);
                else if (node.Method.Name == nameof(Enumerable.Select)) Visit(lambda.Body);
            }

            return node;
        }
        // JSON text of a value and of a list of rows: json_quote / to_json, group_concat / string_agg.
        if (node.Method.DeclaringType == typeof(Data.SqlJson) || node.Method == StringJoin) return base.VisitMethodCall(node);
        // A read of a plan value: a SQL parameter.
        if (node.Method.DeclaringType == typeof(PlanArguments) && node.Object == PlanValues.Parameter) return node;
        // A count of children or of a filtered query: a scalar subquery, which EF translates or refuses (it never
        // evaluates an aggregate of a query in memory). Its filters are WHERE clauses, checked the same way.
        if (node.Method.Name == nameof(Enumerable.Count) && node.Arguments.Count == 1
            && (node.Method.DeclaringType == typeof(Enumerable) || node.Method.DeclaringType == typeof(Queryable)))
        {
            return node;
        }

        var method = node.Method.IsGenericMethod ? node.Method.GetGenericMethodDefinition() : node.Method;
        var allowed = Translatable.Contains(node.Method)
                      // array.Contains(x): Enumerable's, or MemoryExtensions' (C# 14 binds it to spans); both become IN.
                      || (method.DeclaringType == typeof(Enumerable) && method.Name == nameof(Enumerable.Contains))
                      || (method.DeclaringType == typeof(MemoryExtensions) && method.Name == nameof(MemoryExtensions.Contains))
                      || (method.Name == "op_Implicit" && method.DeclaringType is { IsGenericType: true } span
                          && (span.GetGenericTypeDefinition() == typeof(ReadOnlySpan<>) || span.GetGenericTypeDefinition() == typeof(Span<>)));
        if (!allowed) throw new NotSupportedException($"{node.Method.DeclaringType?.Name}.{node.Method.Name} would be evaluated in memory, not in SQL");
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitInvocation(InvocationExpression node) =>
        throw new NotSupportedException("a delegate invocation would be evaluated in memory, not in SQL");

    protected override Expression VisitLambda<T>(Expression<T> node) =>
        throw new NotSupportedException("a nested lambda would be evaluated in memory, not in SQL");
}
