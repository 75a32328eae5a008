using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Model;

/// <summary>Substitutes an expression for a lambda parameter: how field expressions are applied to a navigation path.</summary>
public sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;

    public static Expression Apply(LambdaExpression lambda, Expression argument) =>
        new ParameterReplacer(lambda.Parameters[0], argument).Visit(lambda.Body);
}
