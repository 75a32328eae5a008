using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>Whether an expression reads through a relation (x.County.Name), which SQL turns into a join.</summary>
public sealed class Joins : ExpressionVisitor
{
    private bool _found;

    public static bool In(LambdaExpression expression)
    {
        var visitor = new Joins();
        visitor.Visit(expression.Body);
        return visitor._found;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        // A member of a member that is an object (not text): a navigation to another row.
        if (node.Expression is MemberExpression { Type: { IsClass: true } type } && type != typeof(string)) _found = true;
        return base.VisitMember(node);
    }
}
