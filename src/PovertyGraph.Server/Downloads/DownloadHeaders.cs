using System.Text.Json;
using PovertyGraph.Server.Caching;
using PovertyGraph.Server.Receipts;

namespace PovertyGraph.Server.Downloads;

/// <summary>
/// The headers of a download (media type, file name, receipt, the CSVW description it links to, caching) and the
/// key-value metadata a Parquet file carries: the same receipt, the columns' descriptions and, for a table of protected
/// statistics, the rule.
/// </summary>
public static class DownloadHeaders
{
    public const string ReceiptHeader = "X-Receipt";

    /// <summary>What a download depends on besides its URL.</summary>
    public const string Vary = "Authorization";

    /// <param name="tag">The file's ETag when shared caches may keep it (<see cref="GraphQLResponseCaching.DownloadTagAsync"/>), else null: no-store.</param>
    public static void Apply(HttpContext context, DownloadRequest request, Receipt receipt, string baseUrl, string? tag, GraphQLResponseCaching caching)
    {
        var response = context.Response;
        var extension = DownloadFormats.Extension(request.Format);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = DownloadFormats.MediaType(request.Format);
        var name = request.Type.RootField + (request.Grouped ? "-grouped" : "") + "." + extension;
        response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        response.Headers[ReceiptHeader] = Receipts.Receipts.Header(receipt);
        response.Headers.Link = $"<{MetadataUrl(baseUrl, context.Request)}>; rel=\"describedby\"; type=\"application/csvm+json\"";
        response.Headers.XContentTypeOptions = "nosniff";
        if (tag is null)
        {
            response.Headers.CacheControl = "no-store";
            response.Headers.Vary = Vary;
        }
        else
        {
            caching.Public(response, tag, Vary);
        }
    }

    /// <summary>The CSVW description of the table a download URL names, whatever its format: <c>….csv-metadata.json?same query</c>.</summary>
    public static string MetadataUrl(string baseUrl, HttpRequest request)
    {
        var path = request.Path.Value!;
        var dot = path.LastIndexOf('.');
        return $"{baseUrl}{path[..dot]}.csv-metadata.json{request.QueryString}";
    }

    public static IReadOnlyDictionary<string, string> FileMetadata(Receipt receipt, IReadOnlyList<TableColumn> columns, string description, string? statisticsRule)
    {
        var metadata = new Dictionary<string, string>
        {
            ["povertygraph.receipt"] = Receipts.Receipts.Header(receipt),
            ["povertygraph.description"] = description,
            ["povertygraph.columns"] = JsonSerializer.Serialize(columns.Select(c => new { name = c.Name, description = c.Description, unit = c.Unit, masked = c.Masked, empty = c.EmptyMeans })),
        };
        if (statisticsRule != null) metadata["povertygraph.statistics_rule"] = statisticsRule;
        return metadata;
    }
}
