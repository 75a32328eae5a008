using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using PovertyGraph.GraphQL.Cost;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Limits;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;
using PovertyGraph.Server.Http;

namespace PovertyGraph.Server.Downloads;

/// <summary>
/// A download as the GraphQL document it is: <c>/data/villages.csv?columns=name,county.name&amp;where=…</c> is
/// <c>query($where: VillageFilterInput, $order: [VillageSortInput!]) { villages(where: $where, order: $order) { nodes { county { name } name } } }</c>.
/// The document is parsed and validated by GraphQL.NET with the caller's variables (so filters and orders are read,
/// coerced and refused exactly as in GraphQL), without running anything; planning then reads its argument values.
/// </summary>
public sealed record DownloadDocument(string Text, Inputs? Variables, string? OperationName, GraphQLDocument Document, GraphQLField Root,
    EntityDescriptor Type, QueryRuntime Runtime)
{
    /// <summary>
    /// The document of a row download with these columns. <c>first: 0</c> keeps GraphQL's cost rule, which judges the
    /// document as a page, out of the way: a download has no page, and is costed from its plan (<see cref="DownloadCost"/>).
    /// </summary>
    public static string ForRows(EntityDescriptor type, IEnumerable<string> columns) =>
        $"query Download($where: {type.Name}FilterInput, $order: [{type.Name}SortInput!]) {{ {type.RootField}(where: $where, order: $order, first: 0) {{ nodes {{ {DownloadColumns.Selection(columns)} }} }} }}";

    /// <summary>Validates <paramref name="text"/> for the caller; its one root field must be <paramref name="type"/>'s collection.</summary>
    public static async Task<DownloadDocument> ValidateAsync(HttpContext context, EntityDescriptor type, string text, Inputs? variables, string? operationName)
    {
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(text);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException e)
        {
            throw DownloadProblem.BadRequest($"The download's document does not parse: {e.Message}", "SYNTAX_ERROR");
        }
        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = text, Document = document, OperationName = operationName, Variables = variables, User = context.User,
            RequestServices = context.RequestServices, CancellationToken = context.RequestAborted,
            // Validation only: the rows are streamed by the download, not resolved by GraphQL.NET.
            UserContext = new Dictionary<string, object?> { [GraphQLHttpEndpoint.HttpContextKey] = context, [RequestCost.Key] = new RequestCost(CostMode.Validate) },
        });
        if (result.Errors is { Count: > 0 } errors) throw Refused(errors.ToList());
        var operation = result.Operation ?? document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var roots = Selections.FieldNodes(document, operation.SelectionSet).Where(f => f.Name.StringValue != "__typename").ToList();
        if (roots.Count != 1 || roots[0].Name.StringValue != type.RootField)
            throw DownloadProblem.BadRequest($"A download's document selects one root field, {type.RootField}; this one selects {string.Join(", ", roots.Select(r => r.Name.StringValue))}.");
        return new DownloadDocument(text, variables, operationName, document, roots[0], type, context.RequestServices.GetRequiredService<QueryRuntime>());
    }

    /// <summary>The errors of a refused document, with the status GraphQL over HTTP would give them.</summary>
    public static DownloadProblem Refused(IReadOnlyList<ExecutionError> errors)
    {
        var first = errors[0];
        var status = first switch
        {
            RateLimitedError => StatusCodes.Status429TooManyRequests,
            _ when first.Code == ExecutionTimeLimit.TimeoutCode => StatusCodes.Status503ServiceUnavailable,
            _ when first.Code is "FORBIDDEN_FIELD" => StatusCodes.Status403Forbidden,
            UnhandledError => StatusCodes.Status500InternalServerError,
            _ => StatusCodes.Status400BadRequest,
        };
        return new DownloadProblem(status, first.Code ?? "INVALID", first.Message) { Errors = errors };
    }

    /// <summary>Planning's refusals (a filter on a field the caller may not see, a bad groupBy) as HTTP errors.</summary>
    public static DownloadProblem Refused(QueryError error) => Refused([error]);
}
