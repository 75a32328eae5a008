using PovertyGraph.GraphQL.Cost;

namespace PovertyGraph.Server.Http;

/// <summary>The <c>GraphQL-Cost</c> request header (as Hot Chocolate names it): <c>report</c> or <c>validate</c>.</summary>
internal static class CostHeader
{
    public const string Name = "GraphQL-Cost";

    public static (CostMode Mode, GraphQLHttpProblem? Problem) Read(HttpRequest request)
    {
        var values = request.Headers[Name];
        if (values.Count == 0) return (CostMode.None, null);
        if (values.Count == 1 && values[0]?.Trim() is { } value)
        {
            if (value.Equals("report", StringComparison.OrdinalIgnoreCase)) return (CostMode.Report, null);
            if (value.Equals("validate", StringComparison.OrdinalIgnoreCase)) return (CostMode.Validate, null);
        }
        return (CostMode.None, new GraphQLHttpProblem(StatusCodes.Status400BadRequest, "INVALID_REQUEST",
            $"The {Name} header must be 'report' (run and add extensions.cost) or 'validate' (only compute the cost)."));
    }
}
