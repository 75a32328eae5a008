using System.Linq.Expressions;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>A partner organisation's row scope on a type, as a predicate over the plan's partner villages.</summary>
public static class PartnerScope
{
    /// <summary>x => partners.Contains(village of x); null when the caller has no partners or the type's rows have no village.</summary>
    public static LambdaExpression? For(EntityDescriptor type, Viewer viewer, Expression? partners)
    {
        if (partners == null || AccessRules.PartnerScope(type, viewer) is not { } scope) return null;
        var x = Expression.Parameter(type.ClrType, "x");
        return Expression.Lambda(Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], partners,
            ParameterReplacer.Apply(scope.Village, x)), x);
    }
}
