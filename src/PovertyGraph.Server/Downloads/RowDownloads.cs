using GraphQL;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Cost;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;
using PovertyGraph.Server.Documents;
using PovertyGraph.Server.Downloads.Formats;
using PovertyGraph.Server.Http;

namespace PovertyGraph.Server.Downloads;

/// <summary>
/// <c>GET /data/{collection}.{csv|jsonl|parquet}</c>: every row a filter matches, as a file, streamed. The download is a
/// GraphQL document (built from <c>columns</c>, or a persisted one), validated and planned as GraphQL would, costed from
/// its plan against the caller's budget, then run without a page (<see cref="StreamedRows"/>) and written a batch at a
/// time: a batch's rows are audited, if they show identifiers in full, before the batch is sent. Anything wrong before
/// the first byte is an HTTP error with a JSON body; a failure after it cuts the connection, so no truncated file ever
/// looks complete (the chunked response has no end, a Parquet file no footer).
/// </summary>
public sealed class RowDownloads(DownloadOptions options, DownloadSlots slots, DownloadEvents events, Receipts.Receipts receipts, TableStatistics statistics,
    CostOptions cost, PersistedDocumentResolver documents, IDbContextFactory<PovertyGraphDbContext> factory, Caching.GraphQLResponseCaching caching,
    ILogger<RowDownloads> logger)
{
    public async Task HandleAsync(HttpContext context, DownloadRequest request)
    {
        var runtime = context.RequestServices.GetRequiredService<QueryRuntime>();
        var tag = await caching.DownloadTagAsync(context, !Personal(request.Type) && runtime.Viewer.Role == GraphQL.Access.Role.Public);
        if (caching.TryAnswerNotModified(context, tag, DownloadHeaders.Vary)) return;
        var (download, columns) = await PrepareAsync(context, request, runtime);
        ConnectionPlan plan;
        try
        {
            plan = runtime.Planner.Download(request.Type, download.Root, download.Document, ConnectionArguments.From(runtime.ArgumentsOf(download.Root)), runtime.Viewer);
        }
        catch (QueryError error)
        {
            throw DownloadDocument.Refused(error);
        }
        var points = DownloadCost.Of(plan, statistics, options);
        var budget = cost.Budgets.For(runtime.Viewer.Role);
        if (points > budget)
        {
            throw new DownloadProblem(StatusCodes.Status400BadRequest, CostLimitError.CostCode,
                $"The download would cost {points:N0} points, over the {DownloadColumns.RoleName(runtime.Viewer)} budget of {budget:N0}: " +
                "ask for fewer columns from related rows, or with a token whose role allows more (the README explains the cost).",
                new Dictionary<string, object?> { ["cost"] = new Dictionary<string, object?> { ["requested"] = points, ["limit"] = budget } });
        }

        using var slot = await slots.AcquireAsync(points, context.RequestAborted);
        var receipt = await receipts.ForDownloadAsync(context, runtime.Viewer, download.Text, VariablesText(download.Variables, context));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var seconds = options.TimeLimitSeconds.For(runtime.Viewer.Role);
        if (seconds > 0) limit.CancelAfter(TimeSpan.FromSeconds(seconds));

        var table = columns.Select(c => c.Column).ToList();
        DownloadHeaders.Apply(context, request, receipt, receipts.Base(context), tag, caching);
        if (HttpMethods.IsHead(context.Request.Method)) return;

        var audit = new DownloadAudit(factory, runtime.Viewer, $"download {context.Request.Path}", Receipts.Receipts.Hash(download.Text), columns);
        await using var rows = StreamedRows.RunAsync(runtime, plan, limit.Token).GetAsyncEnumerator(limit.Token);
        await using var output = new BatchOutput();
        await using var writer = TableWriters.Create(request.Format, output, table, options.BatchRows, request.ByteOrderMark,
            DownloadHeaders.FileMetadata(receipt, table, request.Type.Description, null));
        try
        {
            await writer.StartAsync(limit.Token);
            long read = 0;
            var held = 0;
            var values = new object?[columns.Count];
            while (await rows.MoveNextAsync())
            {
                var row = rows.Current;
                for (var i = 0; i < values.Length; i++) values[i] = columns[i].Read(row);
                writer.Write(values);
                audit.Note(row);
                events.OnRowRead(context, ++read);
                if (++held < options.BatchRows) continue;
                await SendAsync(context, writer, audit, output, read, held, limit.Token);
                held = 0;
            }
            await writer.CompleteAsync(limit.Token);
            await SendAsync(context, writer, audit, output, read, held, limit.Token);
        }
        catch (Exception e) when (context.Response.HasStarted || e is OperationCanceledException)
        {
            // Part of the file has gone (or the caller has): cut the connection so the client sees a failed transfer, never
            // a file that ends early but looks whole.
            if (!context.RequestAborted.IsCancellationRequested)
                logger.LogWarning(e, "Download {Path} stopped after it started; the connection is cut", context.Request.Path);
            context.Abort();
        }
    }

    private async Task SendAsync(HttpContext context, ITableWriter writer, DownloadAudit audit, BatchOutput output, long read, int held, CancellationToken ct)
    {
        await writer.EndBatchAsync(ct);
        await audit.WriteAsync(ct);
        events.OnBatchSent(context, read, held + writer.RowsHeld);
        await output.DrainToAsync(context.Response.Body, ct);
    }

    /// <summary>The download's document and columns: from a persisted document, or built from <c>columns</c> (or the default).</summary>
    public async Task<(DownloadDocument Document, IReadOnlyList<RowColumn> Columns)> PrepareAsync(HttpContext context, DownloadRequest request, QueryRuntime runtime)
    {
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var model = runtime.Model;
        if (request.DocumentId != null)
        {
            var variables = request.Variables == null ? null : serializer.Deserialize<Inputs>(request.Variables);
            var (resolved, _, problem) = documents.Resolve(new GraphQLHttpRequest(null, request.OperationName, variables, null, request.DocumentId),
                isPublic: context.User.Identity?.IsAuthenticated != true);
            if (problem != null) throw new DownloadProblem(problem.Status == 200 ? 400 : problem.Status, problem.Code, problem.Message);
            var persisted = await DownloadDocument.ValidateAsync(context, request.Type, resolved!.Query!, variables, request.OperationName);
            var paths = DocumentColumns.Of(model, request.Type, persisted.Document, persisted.Root);
            return (persisted, DownloadColumns.Resolve(model, request.Type, runtime.Viewer, paths));
        }
        var columns = DownloadColumns.Resolve(model, request.Type, runtime.Viewer, request.Columns ?? DownloadColumns.Default(model, request.Type, runtime.Viewer));
        var text = DownloadDocument.ForRows(request.Type, columns.Select(c => c.Path));
        var json = $"{{\"where\":{request.Where ?? "null"},\"order\":{request.Order ?? "null"}}}";
        var built = await DownloadDocument.ValidateAsync(context, request.Type, text, serializer.Deserialize<Inputs>(json), null);
        return (built, columns);
    }

    private static string? VariablesText(Inputs? variables, HttpContext context) =>
        variables == null ? null : context.RequestServices.GetRequiredService<IGraphQLTextSerializer>().Serialize(variables);

    /// <summary>Rows about people are never stored by shared caches, even masked (as GraphQL answers with them are not).</summary>
    private static bool Personal(EntityDescriptor type) => type.HoldsPersonalData;
}
