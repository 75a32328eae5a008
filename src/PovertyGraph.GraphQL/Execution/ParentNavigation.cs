using System.Linq.Expressions;
using System.Reflection;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// Inside a parent's collection, a child's navigation back to its parent (<c>c.Household.VillageId</c> over
/// <c>p.Members</c>) is read as a scalar subquery on the child's own foreign key
/// (<c>(SELECT VillageId FROM Households WHERE Id = c.HouseholdId)</c>). A join there, or a reference to the outer
/// parent row, would need APPLY inside the ROW_NUMBER() subquery EF builds for a per-parent page, which SQLite cannot
/// run; a partner scope declared through the parent (persons by their household's village) goes that way.
/// </summary>
public static class ParentNavigation
{
    /// <summary>The chain of Enumerable calls over <paramref name="relation"/>'s collection, with every read through the
    /// back navigation in its lambdas replaced by a subquery on <paramref name="parents"/> (the parent type's set).</summary>
    public static Expression Rewrite(Expression items, EntityDescriptor child, ToManyRelation relation, EntityDescriptor parent, IQueryable parents)
    {
        if (BackNavigation(child, relation, parent.ClrType) is not { } back) return items;
        return RewriteChain(items, child.ClrType, new Replacer(back, relation.ChildForeignKey, parent, parents));
    }

    private static Expression RewriteChain(Expression e, Type child, Replacer replacer)
    {
        if (e is not MethodCallExpression { Object: null } call || call.Method.DeclaringType != typeof(Enumerable) || call.Arguments.Count == 0)
            return e;
        var arguments = call.Arguments.Select((argument, i) => i == 0
            ? RewriteChain(argument, child, replacer)
            : argument is LambdaExpression { Parameters: [var element] } lambda && element.Type == child
                ? Expression.Lambda(lambda.Type, replacer.For(element).Visit(lambda.Body), lambda.Parameters)
                : argument);
        return call.Update(null, arguments);
    }

    /// <summary>The child's to-one navigation whose foreign key is the one the collection is keyed by, if it has one.</summary>
    private static MemberInfo? BackNavigation(EntityDescriptor child, ToManyRelation relation, Type parentType)
    {
        var key = MemberOf(relation.ChildForeignKey.Body);
        if (key == null) return null;
        foreach (var one in child.ToOne)
        {
            if (one.Target == parentType && MemberOf(child.Field(one.ForeignKey).Expression.Body) == key
                && one.Navigation.Body is MemberExpression { Member: var navigation })
            {
                return navigation;
            }
        }

        return null;
    }

    /// <summary>The property an expression reads, through conversions and Nullable.Value.</summary>
    private static MemberInfo? MemberOf(Expression e) => e switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert } convert => MemberOf(convert.Operand),
        MemberExpression { Member.Name: "Value", Expression: { } inner } when Nullable.GetUnderlyingType(inner.Type) != null => MemberOf(inner),
        MemberExpression { Expression: ParameterExpression } member => member.Member,
        _ => null,
    };

    /// <summary>c.Back.Member → parents.Where(q => q.Id == c.ForeignKey).Select(q => q.Member).FirstOrDefault()</summary>
    private sealed class Replacer(MemberInfo back, LambdaExpression foreignKey, EntityDescriptor parent, IQueryable parents) : ExpressionVisitor
    {
        private ParameterExpression? _element;

        public Replacer For(ParameterExpression element)
        {
            _element = element;
            return this;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is not MemberExpression { Member: var member, Expression: var owner } || member != back || owner != _element)
                return base.VisitMember(node);
            var q = Expression.Parameter(parent.ClrType, "q");
            var key = ParameterReplacer.Apply(parent.Fields[0].Expression, q);
            var childKey = ParameterReplacer.Apply(foreignKey, _element!);
            if (childKey.Type != key.Type) childKey = Expression.Convert(childKey, key.Type);
            var value = Expression.MakeMemberAccess(q, node.Member);
            var resultType = value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) == null
                ? typeof(Nullable<>).MakeGenericType(value.Type) : value.Type;
            Expression Call(string name, Type[] types, params Expression[] arguments) => Expression.Call(typeof(Queryable), name, types, arguments);
            var matching = Call(nameof(Queryable.Where), [parent.ClrType], parents.Expression,
                Expression.Quote(Expression.Lambda(Expression.Equal(key, childKey), q)));
            var selected = Call(nameof(Queryable.Select), [parent.ClrType, resultType], matching,
                Expression.Quote(Expression.Lambda(Expression.Convert(value, resultType), q)));
            var first = Call(nameof(Queryable.FirstOrDefault), [resultType], selected);
            return resultType == node.Type ? first : Expression.Convert(first, node.Type);
        }
    }
}
