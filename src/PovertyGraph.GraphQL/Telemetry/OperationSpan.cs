using System.Diagnostics;
using GraphQL.Telemetry;

namespace PovertyGraph.GraphQL.Telemetry;

/// <summary>
/// The trace span of the GraphQL operation being executed (GraphQL.NET's <see cref="GraphQLTelemetryProvider"/>
/// starts it when tracing is on) and the attributes this server adds to it. Code that runs inside the execution
/// (validation rules, resolvers) tags it through these helpers; outside a traced operation they do nothing.
/// </summary>
public static class OperationSpan
{
    /// <summary>The caller's role, lowercase (<c>public</c>, <c>researcher</c>, <c>ngo</c>, <c>official</c>, <c>admin</c>).</summary>
    public const string RoleAttribute = "povertygraph.role";

    /// <summary>The operation's computed cost, and the budget it was checked against.</summary>
    public const string CostAttribute = "povertygraph.cost";
    public const string CostLimitAttribute = "povertygraph.cost.limit";

    /// <summary>The nearest enclosing GraphQL operation span, or null when none is being recorded.</summary>
    public static Activity? Current
    {
        get
        {
            for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
            {
                if (activity.Source.Name == GraphQLTelemetryProvider.SourceName)
                    return activity;
            }

            return null;
        }
    }

    /// <summary>Records the operation's cost (and the caller's budget) on its span.</summary>
    public static void SetCost(long cost, long? limit = null)
    {
        if (Current is not { IsAllDataRequested: true } span) return;
        span.SetTag(CostAttribute, cost);
        if (limit is not null) span.SetTag(CostLimitAttribute, limit.Value);
    }
}
