using System.Collections;
using System.Linq.Expressions;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>in</c> and <c>nin</c>: the list is one plan value, so every list length shares a query shape.</summary>
public abstract class MembershipOperation(string name, string description, bool member) : FilterOperation(name, description, FilterKinds.Listable)
{
    private static readonly System.Reflection.MethodInfo Contains = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    public override bool TakesList => true;

    public override Expression Build(FilterOperand operand)
    {
        var items = ((IEnumerable?)operand.Value ?? throw QueryError.Argument($"{operand.Path}.{Name} must be a list")).Cast<object?>().ToList();
        if (items.Count == 0) throw QueryError.Argument($"{operand.Path}.{Name} needs at least one value");
        var type = operand.Column.Type;
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type))!;
        foreach (var item in items) list.Add(item == null ? null : operand.ToColumn(item));
        Expression test = Expression.Call(Contains.MakeGenericMethod(type), operand.Values.Add(list, typeof(IEnumerable<>).MakeGenericType(type)), operand.Column);
        return member ? test : Expression.Not(test);
    }
}
