using System.Linq.Expressions;
using System.Reflection;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>The LINQ methods the executors build queries with, looked up once.</summary>
public static class QueryMethods
{
    public static readonly MethodInfo EnumerableSelect = Method(typeof(Enumerable), "Select", 2, p => p[1].ParameterType.GetGenericArguments().Length == 2);
    public static readonly MethodInfo EnumerableWhere = Method(typeof(Enumerable), "Where", 2, p => p[1].ParameterType.GetGenericArguments().Length == 2);
    public static readonly MethodInfo EnumerableTake = Method(typeof(Enumerable), "Take", 2, p => p[1].ParameterType == typeof(int));
    public static readonly MethodInfo EnumerableToList = Method(typeof(Enumerable), "ToList", 1, _ => true);
    public static readonly MethodInfo EnumerableCount = Method(typeof(Enumerable), "Count", 1, _ => true);
    public static readonly MethodInfo EnumerableContains = Method(typeof(Enumerable), "Contains", 2, _ => true);
    public static readonly MethodInfo QueryableCount = Method(typeof(Queryable), "Count", 1, _ => true);
    public static readonly MethodInfo QueryableGroupBy = Method(typeof(Queryable), "GroupBy", 2, p => p[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2);
    public static readonly MethodInfo QueryableSelect = Method(typeof(Queryable), "Select", 2, p => p[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2);

    private static MethodInfo Method(Type owner, string name, int parameters, Func<ParameterInfo[], bool> match) =>
        owner.GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters && match(m.GetParameters()));

    /// <summary>A value EF sends as a SQL parameter (a read of a bound plan value).</summary>
    public static Expression Parameter(object value, Type type) => PlanValues.Constant(value, type);

    /// <summary>x => ids.Contains(key(x)), with the ids as a value EF sends as a parameter.</summary>
    public static LambdaExpression KeyIn(LambdaExpression key, System.Collections.IList ids, Type idType)
    {
        var x = key.Parameters[0];
        var list = Parameter(ids, typeof(IEnumerable<>).MakeGenericType(idType));
        return Expression.Lambda(Expression.Call(EnumerableContains.MakeGenericMethod(idType), list, key.Body), x);
    }
}
