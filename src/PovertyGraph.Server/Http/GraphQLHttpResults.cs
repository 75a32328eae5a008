using GraphQL;
using GraphQL.Execution;
using GraphQLParser.Exceptions;
using PovertyGraph.GraphQL.Limits;
using PovertyGraph.Server.Caching;

namespace PovertyGraph.Server.Http;

/// <summary>Status codes and bodies of GraphQL-over-HTTP answers, results and refusals alike.</summary>
internal static class GraphQLHttpResults
{
    /// <summary>
    /// 200 whenever execution started (data present, possibly with field errors). A request that failed before
    /// execution (document parse or validation, cost, variable coercion, unknown operation) is 400 for
    /// application/graphql-response+json and 200 for application/json, as the spec requires; a request refused for
    /// the rate of its kind is 429, one stopped at its time limit 503 (200 for application/json); a failure of the
    /// server itself before execution is 500.
    /// </summary>
    public static int StatusFor(ExecutionResult result, GraphQLMediaTypes.ResponseType responseType)
    {
        if (result.Errors is not { Count: > 0 })
            return StatusCodes.Status200OK; // data, or only the cost that was asked for
        if (result.Errors.OfType<RateLimitedError>().Any())
            return StatusCodes.Status429TooManyRequests;
        if (result.Executed)
            return StatusCodes.Status200OK;
        if (result.Errors?.Any(e => e is UnhandledError) == true)
            return StatusCodes.Status500InternalServerError;
        if (responseType != GraphQLMediaTypes.ResponseType.GraphQLResponseJson)
            return StatusCodes.Status200OK;
        return result.Errors?.Any(e => e.Code == ExecutionTimeLimit.TimeoutCode) == true
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status400BadRequest;
    }

    /// <summary>
    /// GraphQL.NET reports a syntax error as such, but a document nested beyond the parser's depth limit as an
    /// unhandled "Error executing document." Both are the client's fault: say what went wrong.
    /// </summary>
    public static void ExplainParserFailures(ExecutionResult result)
    {
        if (result.Executed || result.Errors is not { Count: > 0 } errors ||
            !errors.Any(e => e is UnhandledError { InnerException: GraphQLParserException }))
        {
            return;
        }

        var explained = new ExecutionErrors();
        foreach (var error in errors)
        {
            if (error is UnhandledError { InnerException: GraphQLParserException parserException })
            {
                var syntaxError = new ExecutionError($"Syntax error: {parserException.Description}", parserException)
                {
                    Code = parserException is GraphQLMaxDepthExceededException ? "MAX_DEPTH_EXCEEDED" : "SYNTAX_ERROR",
                };
                syntaxError.AddLocation(new GraphQLParser.Location(parserException.Location.Line, parserException.Location.Column));
                explained.Add(syntaxError);
            }
            else
            {
                explained.Add(error);
            }
        }
        result.Errors = explained;
    }

    public static Task WriteProblemAsync(HttpContext context, GraphQLMediaTypes.ResponseType responseType, GraphQLHttpProblem problem)
    {
        var result = new ExecutionResult { Errors = [new ExecutionError(problem.Message) { Code = problem.Code }] };
        var status = problem.RequestError && responseType != GraphQLMediaTypes.ResponseType.GraphQLResponseJson ? StatusCodes.Status200OK : problem.Status;
        GraphQLResponseCaching.NoStore(context.Response);
        return WriteResultAsync(context, responseType, result, status);
    }

    /// <summary>Writes the body; caching headers are the caller's (every refusal is no-store).</summary>
    public static async Task WriteResultAsync(HttpContext context, GraphQLMediaTypes.ResponseType responseType, ExecutionResult result, int status)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = responseType == GraphQLMediaTypes.ResponseType.GraphQLResponseJson
            ? GraphQLMediaTypes.GraphQLResponseJsonUtf8
            : GraphQLMediaTypes.JsonUtf8;
        if (!response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
            GraphQLResponseCaching.NoStore(response);
        response.Headers.XContentTypeOptions = "nosniff";
        var serializer = context.RequestServices.GetRequiredService<IGraphQLSerializer>();
        await serializer.WriteAsync(response.Body, result, context.RequestAborted);
    }
}
