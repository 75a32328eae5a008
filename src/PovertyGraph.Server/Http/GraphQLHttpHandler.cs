using System.Buffers;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace PovertyGraph.Server.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): reads a GET or POST request, runs it
/// through GraphQL.NET's <see cref="IDocumentExecuter{TSchema}"/> and writes the result with the media type and
/// status code the spec asks for.
/// </summary>
internal sealed class GraphQLHttpHandler
{
    private readonly GraphiQLAssets _graphiql;
    private readonly ILogger _logger;
    private readonly long _maxBodyBytes;

    public GraphQLHttpHandler(GraphiQLAssets graphiql, ILogger logger, long maxBodyBytes)
    {
        _graphiql = graphiql;
        _logger = logger;
        _maxBodyBytes = maxBodyBytes;
    }

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
            _logger.LogError(ex, "Unhandled exception in the GraphQL HTTP endpoint ({Method} {Path})",
                context.Request.Method, context.Request.Path);
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

        if (isGet || isPost)
            context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);

        // A browser opening the endpoint gets the IDE, prefilled from ?query= (the explorer's "open in GraphiQL").
        if (isGet && GraphQLMediaTypes.PrefersHtml(accept))
        {
            await _graphiql.WritePageAsync(context);
            return;
        }

        var responseType = GraphQLMediaTypes.Negotiate(accept);
        if (!isGet && !isPost)
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteProblemAsync(context, AcceptableOrJson(responseType), new GraphQLHttpProblem(
                StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                $"The method {request.Method} is not allowed: use POST, or GET for queries."));
            return;
        }
        if (responseType == GraphQLMediaTypes.ResponseType.NotAcceptable)
        {
            await WriteProblemAsync(context, GraphQLMediaTypes.ResponseType.Json, new GraphQLHttpProblem(
                StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"The Accept header allows none of the media types this endpoint produces: {GraphQLMediaTypes.GraphQLResponseJson}, {GraphQLMediaTypes.Json}."));
            return;
        }
        negotiated(responseType);

        var serializer = context.RequestServices.GetRequiredService<IGraphQLSerializer>();
        GraphQLHttpRequest? graphQLRequest;
        GraphQLHttpProblem? problem;
        if (isGet)
        {
            (graphQLRequest, problem) = GraphQLHttpRequestReader.FromQueryString(request.Query, serializer);
        }
        else
        {
            if (!GraphQLMediaTypes.IsSupportedRequestContentType(request.ContentType))
            {
                await WriteProblemAsync(context, responseType, new GraphQLHttpProblem(
                    StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                    string.IsNullOrWhiteSpace(request.ContentType)
                        ? $"A POST request needs a Content-Type header: {GraphQLMediaTypes.Json}."
                        : $"The Content-Type '{request.ContentType}' is not supported: send {GraphQLMediaTypes.Json} (UTF-8)."));
                return;
            }
            var (body, tooLarge) = await ReadBodyAsync(context);
            if (tooLarge)
            {
                await WriteProblemAsync(context, responseType, TooLarge());
                return;
            }
            (graphQLRequest, problem) = GraphQLHttpRequestReader.FromJsonBody(body, serializer);
        }

        if (problem is not null)
        {
            await WriteProblemAsync(context, responseType, problem);
            return;
        }

        if (isGet && SelectsNonQueryOperation(context, graphQLRequest!))
        {
            // GET is a safe method: it must never change anything (spec: 405, and nothing is executed).
            context.Response.Headers.Allow = "POST";
            await WriteProblemAsync(context, responseType, new GraphQLHttpProblem(
                StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                "Only query operations can be sent with GET; send mutations and subscriptions with POST."));
            return;
        }

        var result = await ExecuteAsync(context, graphQLRequest!);
        ExplainParserFailures(result);
        await WriteResultAsync(context, responseType, result, StatusFor(result, responseType));
    }

    private async Task<ExecutionResult> ExecuteAsync(HttpContext context, GraphQLHttpRequest request)
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
            UserContext = new Dictionary<string, object?> { [GraphQLHttpEndpoint.HttpContextKey] = context },
            UnhandledExceptionDelegate = unhandled =>
            {
                if (unhandled.OriginalException is GraphQLParserException)
                    _logger.LogDebug("GraphQL document rejected by the parser: {Message}", unhandled.OriginalException.Message);
                else
                    _logger.LogError(unhandled.OriginalException, "Unhandled exception while executing GraphQL operation {Operation}",
                        request.OperationName ?? "(anonymous)");
                return Task.CompletedTask;
            },
        };
        return await executer.ExecuteAsync(options);
    }

    /// <summary>
    /// GraphQL.NET reports a syntax error as such, but a document nested beyond the parser's depth limit as an
    /// unhandled "Error executing document." Both are the client's fault: say what went wrong.
    /// </summary>
    private static void ExplainParserFailures(ExecutionResult result)
    {
        if (result.Executed || result.Errors is not { Count: > 0 } errors ||
            !errors.Any(e => e is UnhandledError { InnerException: GraphQLParserException }))
            return;
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

    /// <summary>
    /// 200 whenever execution started (data present, possibly with field errors). A request that failed before
    /// execution (document parse or validation, variable coercion, unknown operation) is 400 for
    /// application/graphql-response+json and 200 for application/json, as the spec requires; a failure of the
    /// server itself before execution is 500.
    /// </summary>
    private static int StatusFor(ExecutionResult result, GraphQLMediaTypes.ResponseType responseType)
    {
        if (result.Executed)
            return StatusCodes.Status200OK;
        if (result.Errors?.Any(e => e is UnhandledError) == true)
            return StatusCodes.Status500InternalServerError;
        return responseType == GraphQLMediaTypes.ResponseType.GraphQLResponseJson
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
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
            document = builder.Build(request.Query);
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

    /// <summary>Reads the body into memory, refusing more than the configured limit.</summary>
    private async Task<(ReadOnlyMemory<byte> Body, bool TooLarge)> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > _maxBodyBytes)
            return (default, true);

        // Let the server stop reading at the limit as well (Kestrel answers 413 through BadHttpRequestException).
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false } && (sizeFeature.MaxRequestBodySize is null || sizeFeature.MaxRequestBodySize > _maxBodyBytes + 1))
            sizeFeature.MaxRequestBodySize = _maxBodyBytes + 1;

        var initial = (int)Math.Min(request.ContentLength ?? 4096, _maxBodyBytes) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 256));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, _maxBodyBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted);
                if (read == 0)
                    break;
                length += read;
                if (length > _maxBodyBytes)
                    return (default, true);
            }
            return (buffer.AsSpan(0, length).ToArray(), false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static GraphQLMediaTypes.ResponseType AcceptableOrJson(GraphQLMediaTypes.ResponseType responseType) =>
        responseType == GraphQLMediaTypes.ResponseType.NotAcceptable ? GraphQLMediaTypes.ResponseType.Json : responseType;

    private GraphQLHttpProblem TooLarge() => new(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE",
        $"The request body is larger than the limit of {_maxBodyBytes} bytes.");

    private static Task WriteProblemAsync(HttpContext context, GraphQLMediaTypes.ResponseType responseType, GraphQLHttpProblem problem)
    {
        var result = new ExecutionResult { Errors = [new ExecutionError(problem.Message) { Code = problem.Code }] };
        return WriteResultAsync(context, responseType, result, problem.Status);
    }

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
            await WriteProblemAsync(context, responseType, problem);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Could not write the GraphQL error response");
            context.Abort();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task WriteResultAsync(HttpContext context, GraphQLMediaTypes.ResponseType responseType, ExecutionResult result, int status)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = responseType == GraphQLMediaTypes.ResponseType.GraphQLResponseJson
            ? GraphQLMediaTypes.GraphQLResponseJsonUtf8
            : GraphQLMediaTypes.JsonUtf8;
        // Responses depend on the caller's role and may carry personal data: never store them in shared caches.
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        var serializer = context.RequestServices.GetRequiredService<IGraphQLSerializer>();
        await serializer.WriteAsync(response.Body, result, context.RequestAborted);
    }
}
