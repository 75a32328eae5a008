using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Net.Http.Headers;
using PovertyGraph.GraphQL.Cost;
using PovertyGraph.GraphQL.Limits;
using PovertyGraph.Server.Caching;
using PovertyGraph.Server.Documents;
using PovertyGraph.Server.WebAssets;

namespace PovertyGraph.Server.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): reads a GET or POST request, resolves a
/// persisted document, answers a matching conditional GET with 304, runs the request through GraphQL.NET's
/// <see cref="IDocumentExecuter{TSchema}"/> and writes the result with the media type, status code and caching
/// headers the spec and <see cref="GraphQLResponseCaching"/> ask for.
/// </summary>
internal sealed class GraphQLHttpHandler(BuiltAssetFolder graphiql, ILogger logger, long maxBodyBytes,
    PersistedDocumentResolver documents, GraphQLResponseCaching caching, bool receipts = true)
{
    public async Task HandleAsync(HttpContext context)
    {
        var responseType = GraphQLMediaTypes.ResponseType.Json;
        try
        {
            await HandleCoreAsync(context, type => responseType = type);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limits (body size, malformed framing) surface while the body is read.
            var status = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? ex.StatusCode : StatusCodes.Status400BadRequest;
            await TryWriteProblemAsync(context, responseType, status == StatusCodes.Status413PayloadTooLarge
                ? TooLarge()
                : new GraphQLHttpProblem(status, "INVALID_REQUEST", "The request could not be read."));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unhandled exception in the GraphQL HTTP endpoint ({Method} {Path})", context.Request.Method, context.Request.Path);
            await TryWriteProblemAsync(context, responseType, new GraphQLHttpProblem(
                StatusCodes.Status500InternalServerError, "INTERNAL_SERVER_ERROR", "An internal server error occurred."));
        }
    }

    private async Task HandleCoreAsync(HttpContext context, Action<GraphQLMediaTypes.ResponseType> negotiated)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        var isPost = HttpMethods.IsPost(request.Method);
        var accept = request.Headers.Accept;

        // A browser opening the endpoint gets the IDE, prefilled from ?query= (the explorer's "open in GraphiQL").
        if (isGet && GraphQLMediaTypes.PrefersHtml(accept))
        {
            context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
            await graphiql.Page(context).ExecuteAsync(context);
            return;
        }

        var responseType = GraphQLMediaTypes.Negotiate(accept);
        if (!isGet && !isPost)
        {
            context.Response.Headers.Allow = "GET, POST";
            await GraphQLHttpResults.WriteProblemAsync(context, AcceptableOrJson(responseType), new GraphQLHttpProblem(
                StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", $"The method {request.Method} is not allowed: use POST, or GET for queries."));
            return;
        }
        if (responseType == GraphQLMediaTypes.ResponseType.NotAcceptable)
        {
            await GraphQLHttpResults.WriteProblemAsync(context, GraphQLMediaTypes.ResponseType.Json, new GraphQLHttpProblem(
                StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"The Accept header allows none of the media types this endpoint produces: {GraphQLMediaTypes.GraphQLResponseJson}, {GraphQLMediaTypes.Json}."));
            return;
        }
        negotiated(responseType);

        var (graphQLRequest, problem) = await ReadRequestAsync(context, isGet);
        var (costMode, costProblem) = CostHeader.Read(request);
        problem ??= costProblem;
        string? register = null;
        if (problem is null)
            (graphQLRequest, register, problem) = documents.Resolve(graphQLRequest!, isPublic: context.User.Identity?.IsAuthenticated != true);
        if (problem is not null)
        {
            await GraphQLHttpResults.WriteProblemAsync(context, responseType, problem);
            return;
        }

        if (isGet && SelectsNonQueryOperation(context, graphQLRequest!))
        {
            // GET is a safe method: it must never change anything (spec: 405, and nothing is executed).
            context.Response.Headers.Allow = "POST";
            await GraphQLHttpResults.WriteProblemAsync(context, responseType, new GraphQLHttpProblem(
                StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "Only query operations can be sent with GET; send mutations and subscriptions with POST."));
            return;
        }

        var mediaType = responseType == GraphQLMediaTypes.ResponseType.GraphQLResponseJson ? GraphQLMediaTypes.GraphQLResponseJson : GraphQLMediaTypes.Json;
        var tag = await caching.TagAsync(context, graphQLRequest!, mediaType, costMode);
        if (caching.TryAnswerNotModified(context, tag))
            return;

        var cost = new RequestCost(costMode);
        var result = await ExecuteAsync(context, graphQLRequest!, cost);
        GraphQLHttpResults.ExplainParserFailures(result);
        if (register != null && result.Executed && result.Errors is not { Count: > 0 })
            documents.Registered(register, graphQLRequest!.Query!);

        if (costMode == CostMode.Validate && result.Executed)
            result = new ExecutionResult(); // nothing ran: the answer is the cost
        if (costMode != CostMode.None && cost.Extension is { } costExtension)
            (result.Extensions ??= new Dictionary<string, object?>())["cost"] = costExtension;
        if (receipts && costMode != CostMode.Validate && result.Executed && result.Data != null)
            await AddReceiptAsync(context, graphQLRequest!, result);
        var status = GraphQLHttpResults.StatusFor(result, responseType);
        if (result.Errors?.OfType<RateLimitedError>().FirstOrDefault() is { } limited)
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(limited.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        caching.Apply(context.Response, tag, result, cost, status);
        await GraphQLHttpResults.WriteResultAsync(context, responseType, result, status);
    }

    /// <summary>
    /// <c>extensions.receipt</c> (Receipts/): the data version, the document's and variables' hashes, the protection in
    /// force and a GET URL with the document's text that reproduces the answer on any server of the same data version.
    /// </summary>
    private static async Task AddReceiptAsync(HttpContext context, GraphQLHttpRequest request, ExecutionResult result)
    {
        if (context.RequestServices.GetService<Receipts.Receipts>() is not { } receipts) return;
        var viewer = context.RequestServices.GetRequiredService<PovertyGraph.GraphQL.Access.IViewerAccessor>().Current;
        var variables = HttpMethods.IsGet(context.Request.Method) && context.Request.Query.ContainsKey("variables")
            ? context.Request.Query["variables"].ToString()
            : request.Variables == null ? null : context.RequestServices.GetRequiredService<IGraphQLTextSerializer>().Serialize(request.Variables);
        var receipt = await receipts.ForGraphQLAsync(context, viewer, request.Query!, variables, request.OperationName);
        (result.Extensions ??= new Dictionary<string, object?>())["receipt"] = receipt;
    }

    private async Task<(GraphQLHttpRequest? Request, GraphQLHttpProblem? Problem)> ReadRequestAsync(HttpContext context, bool isGet)
    {
        var request = context.Request;
        var serializer = context.RequestServices.GetRequiredService<IGraphQLSerializer>();
        if (isGet)
            return GraphQLHttpRequestReader.FromQueryString(request.Query, serializer);
        if (!GraphQLMediaTypes.IsSupportedRequestContentType(request.ContentType))
        {
            return (null, new GraphQLHttpProblem(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                string.IsNullOrWhiteSpace(request.ContentType)
                    ? $"A POST request needs a Content-Type header: {GraphQLMediaTypes.Json}."
                    : $"The Content-Type '{request.ContentType}' is not supported: send {GraphQLMediaTypes.Json} (UTF-8)."));
        }

        var (body, tooLarge) = await GraphQLHttpBody.ReadAsync(context, maxBodyBytes);
        return tooLarge ? (null, TooLarge()) : GraphQLHttpRequestReader.FromJsonBody(body, serializer);
    }

    private async Task<ExecutionResult> ExecuteAsync(HttpContext context, GraphQLHttpRequest request, RequestCost cost)
    {
        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>();
        var options = new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = context.User,
            RequestServices = context.RequestServices,
            CancellationToken = context.RequestAborted,
            UserContext = new Dictionary<string, object?> { [GraphQLHttpEndpoint.HttpContextKey] = context, [RequestCost.Key] = cost },
            UnhandledExceptionDelegate = unhandled =>
            {
                if (unhandled.OriginalException is GraphQLParserException)
                {
                    logger.LogDebug("GraphQL document rejected by the parser: {Message}", unhandled.OriginalException.Message);
                }
                else if (unhandled.FieldContext?.CancellationToken.IsCancellationRequested == true)
                {
                    logger.LogDebug("GraphQL field stopped by its request's cancellation: {Message}", unhandled.OriginalException.Message);
                }
                else
                {
                    logger.LogError(unhandled.OriginalException, "Unhandled exception while executing GraphQL operation {Operation}",
                        request.OperationName ?? "(anonymous)");
                }

                return Task.CompletedTask;
            },
        };
        return await executer.ExecuteAsync(options);
    }

    /// <summary>
    /// Whether the operation a GET would run is a mutation or subscription. Parsed with the same document builder
    /// the executer uses; a document that does not parse is left to the executer, which reports the syntax error.
    /// Without an operation name in a document of several operations, any non-query operation refuses the GET.
    /// </summary>
    private static bool SelectsNonQueryOperation(HttpContext context, GraphQLHttpRequest request)
    {
        GraphQLDocument document;
        try
        {
            var builder = context.RequestServices.GetService<IDocumentBuilder>() ?? new GraphQLDocumentBuilder();
            document = builder.Build(request.Query!);
        }
        catch (Exception)
        {
            return false;
        }
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        IEnumerable<GraphQLOperationDefinition> selected = request.OperationName is { } name
            ? operations.Where(o => o.Name is not null && o.Name.StringValue == name)
            : operations;
        return selected.Any(o => o.Operation != OperationType.Query);
    }

    private static GraphQLMediaTypes.ResponseType AcceptableOrJson(GraphQLMediaTypes.ResponseType responseType) =>
        responseType == GraphQLMediaTypes.ResponseType.NotAcceptable ? GraphQLMediaTypes.ResponseType.Json : responseType;

    private GraphQLHttpProblem TooLarge() => new(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE",
        $"The request body is larger than the limit of {maxBodyBytes} bytes.");

    private async Task TryWriteProblemAsync(HttpContext context, GraphQLMediaTypes.ResponseType responseType, GraphQLHttpProblem problem)
    {
        if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            context.Abort();
            return;
        }
        try
        {
            context.Response.Clear();
            await GraphQLHttpResults.WriteProblemAsync(context, responseType, problem);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not write the GraphQL error response");
            context.Abort();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
