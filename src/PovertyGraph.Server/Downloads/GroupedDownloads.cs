using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Cost;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Planning;
using PovertyGraph.Server.Downloads.Formats;
using PovertyGraph.Server.Http;
using PovertyGraph.Server.Receipts;

namespace PovertyGraph.Server.Downloads;

/// <summary>
/// <c>GET /data/{collection}/grouped.{csv|jsonl|parquet}?groupBy=COUNTY,PRIMARY_CAUSE&amp;where=…</c>: a grouped aggregate
/// as a table. It is run as the groupedAggregates field it is, through GraphQL.NET with the caller's cost budget, time
/// limit, expensive-operations queue and the planner's statistics rules, so a table never says more than the API does:
/// protected cells are perturbed or suppressed, and a suppressed cell's values are empty, never 0.
/// </summary>
public sealed class GroupedDownloads(DownloadOptions options, Receipts.Receipts receipts, StatisticsOptions statistics, PagingOptions paging,
    Caching.GraphQLResponseCaching caching)
{
    public async Task HandleAsync(HttpContext context, DownloadRequest request)
    {
        var runtime = context.RequestServices.GetRequiredService<QueryRuntime>();
        var tag = await caching.DownloadTagAsync(context, runtime.Viewer.Role == Role.Public);
        if (caching.TryAnswerNotModified(context, tag, DownloadHeaders.Vary)) return;
        var table = Table(request, runtime);
        var variables = $"{{\"where\":{request.Where ?? "null"}}}";
        var result = await RunAsync(context, table.Document, variables);
        var json = JsonNode.Parse(context.RequestServices.GetRequiredService<IGraphQLTextSerializer>().Serialize(result))!;
        var groups = json["data"]![request.Type.RootField!]!["groupedAggregates"]!.AsArray();
        if (groups.Count >= paging.MaxGroups)
            throw DownloadProblem.BadRequest($"The table has {paging.MaxGroups:N0} cells or more (Paging:MaxGroups): narrow it with 'where', or group by fewer dimensions.");

        var receipt = await receipts.ForDownloadAsync(context, runtime.Viewer, table.Document, variables);
        DownloadHeaders.Apply(context, request, receipt, receipts.Base(context), tag, caching);
        if (HttpMethods.IsHead(context.Request.Method)) return;
        var rule = ProtectionParameters.Rule(statistics);
        await using var output = new BatchOutput();
        await using (var writer = TableWriters.Create(request.Format, output, table.Columns, Math.Max(options.BatchRows, groups.Count), request.ByteOrderMark,
                         DownloadHeaders.FileMetadata(receipt, table.Columns, $"{request.Type.Description} Grouped by {string.Join(", ", request.GroupBy!)}.", rule)))
        {
            await writer.StartAsync(context.RequestAborted);
            foreach (var row in table.Rows(groups)) writer.Write(row);
            await writer.CompleteAsync(context.RequestAborted);
        }
        await output.DrainToAsync(context.Response.Body, context.RequestAborted);
    }

    public GroupedTable Table(DownloadRequest request, QueryRuntime runtime) =>
        new(runtime.Model, request.Type, request.GroupBy!, request.IncludeNullKeys, runtime.Viewer, paging.MaxGroups);

    /// <summary>Runs the grouping's document as any GraphQL request is run; a refusal becomes the HTTP error GraphQL over HTTP gives it.</summary>
    private static async Task<ExecutionResult> RunAsync(HttpContext context, string document, string variables)
    {
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var result = await context.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = document, Variables = serializer.Deserialize<Inputs>(variables), User = context.User, RequestServices = context.RequestServices,
            CancellationToken = context.RequestAborted,
            UserContext = new Dictionary<string, object?> { [GraphQLHttpEndpoint.HttpContextKey] = context, [RequestCost.Key] = new RequestCost() },
        });
        if (result.Errors is { Count: > 0 } errors) throw DownloadDocument.Refused(errors.ToList());
        return result;
    }
}
