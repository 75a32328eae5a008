namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// The cost side of one request, kept in the execution's user context: what the caller asked for (<see cref="Mode"/>,
/// set by the host) and what <see cref="CostAnalysisRule"/> found (<see cref="Operation"/>, <see cref="Budget"/>).
/// </summary>
public sealed class RequestCost(CostMode mode = CostMode.None)
{
    public const string Key = "PovertyGraph.RequestCost";

    public CostMode Mode { get; } = mode;

    /// <summary>The analysed operation, once validation has costed it (null before, or when the document was invalid).</summary>
    public OperationCost? Operation { get; set; }

    /// <summary>The caller's budget the operation was judged against.</summary>
    public long Budget { get; set; }

    /// <summary><c>{ requested, limit }</c>, as errors and reports carry it.</summary>
    public IDictionary<string, object?>? Extension => Operation == null ? null : Describe(Operation, Budget);

    public static Dictionary<string, object?> Describe(OperationCost operation, long budget) =>
        new() { ["requested"] = operation.Requested, ["limit"] = budget };

    public static RequestCost? Of(IDictionary<string, object?>? userContext) =>
        userContext != null && userContext.TryGetValue(Key, out var value) ? value as RequestCost : null;

    /// <summary>The request's cost record, added to the user context if the host did not put one there.</summary>
    public static RequestCost For(IDictionary<string, object?> userContext)
    {
        if (Of(userContext) is { } existing) return existing;
        var created = new RequestCost();
        userContext[Key] = created;
        return created;
    }
}
