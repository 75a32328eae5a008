using GraphQL;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.Server.Caching;
using PovertyGraph.Server.Http;

namespace PovertyGraph.Server.Downloads;

/// <summary>
/// Routes <c>/data/…</c>: <c>{collection}.{format}</c> to <see cref="RowDownloads"/>, <c>{collection}/grouped.{format}</c> to
/// <see cref="GroupedDownloads"/>, <c>….csv-metadata.json</c> to <see cref="CsvwDescriptions"/>, and writes every refusal
/// before the first byte as an HTTP error whose JSON body has GraphQL's error shape.
/// </summary>
public sealed class DownloadEndpoint(EntityModel model, RowDownloads rows, GroupedDownloads grouped, CsvwDescriptions csvw, ILogger<DownloadEndpoint> logger)
{
    public const string MetadataSuffix = ".csv-metadata.json";

    public Task FileAsync(HttpContext context, string file) => GuardAsync(context, () =>
    {
        if (file.EndsWith(MetadataSuffix, StringComparison.Ordinal))
        {
            var (type, _) = DownloadRequest.File(model, file[..^MetadataSuffix.Length], "csv");
            return csvw.WriteAsync(context, DownloadRequest.Read(type, DownloadFormat.Csv, grouped: false, context.Request.Query));
        }
        var (collection, extension) = Split(file);
        var (entity, format) = DownloadRequest.File(model, collection, extension);
        return rows.HandleAsync(context, DownloadRequest.Read(entity, format, grouped: false, context.Request.Query));
    });

    public Task GroupedAsync(HttpContext context, string collection, string file) => GuardAsync(context, () =>
    {
        var metadata = file.EndsWith(MetadataSuffix, StringComparison.Ordinal);
        var (name, extension) = metadata ? (file[..^MetadataSuffix.Length], "csv") : Split(file);
        if (name != "grouped") throw DownloadProblem.NotFound($"'/data/{collection}/{file}' is not a download; grouped tables are at /data/{collection}/grouped.csv.");
        var (type, format) = DownloadRequest.File(model, collection, extension);
        var request = DownloadRequest.Read(type, format, grouped: true, context.Request.Query);
        return metadata ? csvw.WriteAsync(context, request) : grouped.HandleAsync(context, request);
    });

    private static (string Name, string? Extension) Split(string file)
    {
        var dot = file.LastIndexOf('.');
        return dot < 0 ? (file, null) : (file[..dot], file[(dot + 1)..]);
    }

    private async Task GuardAsync(HttpContext context, Func<Task> handle)
    {
        try
        {
            await handle();
        }
        catch (DownloadProblem problem) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, problem);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            logger.LogError(e, "Download {Path} failed before it started", context.Request.Path);
            await WriteAsync(context, new DownloadProblem(StatusCodes.Status500InternalServerError, "INTERNAL_SERVER_ERROR", "The download failed; nothing was sent."));
        }
    }

    public static async Task WriteAsync(HttpContext context, DownloadProblem problem)
    {
        var response = context.Response;
        response.Clear();
        GraphQLResponseCaching.NoStore(response);
        if (problem.Status == StatusCodes.Status429TooManyRequests)
            response.Headers.RetryAfter = (problem.Extensions != null && problem.Extensions.TryGetValue("retryAfterSeconds", out var after) ? after : 10)?.ToString();
        var errors = problem.Errors?.ToList() ?? [new ExecutionError(problem.Message) { Code = problem.Code }];
        if (problem.Errors == null && problem.Extensions != null)
            foreach (var (key, value) in problem.Extensions.Where(e => e.Key != "retryAfterSeconds")) (errors[0].Extensions ??= new Dictionary<string, object?>())[key] = value;
        await GraphQLHttpResults.WriteResultAsync(context, GraphQLMediaTypes.ResponseType.Json, new ExecutionResult { Errors = [.. errors] }, problem.Status);
    }
}
