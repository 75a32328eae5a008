using System.Text.Json;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.Server.Downloads;

/// <summary>
/// What a download URL asks for: <c>/data/{collection}.{format}</c> or <c>/data/{collection}/grouped.{format}</c>, with
/// <c>where</c> and <c>order</c> (GraphQL input syntax, as JSON), <c>columns</c>, <c>groupBy</c>, <c>includeNullKeys</c>,
/// <c>bom</c>, or <c>documentId</c> (and <c>variables</c>, <c>operationName</c>) naming a persisted document. An unknown
/// parameter is refused, so a misspelt one never silently downloads something else.
/// </summary>
public sealed record DownloadRequest(EntityDescriptor Type, DownloadFormat Format, bool Grouped)
{
    public string? Where { get; init; }
    public string? Order { get; init; }
    public IReadOnlyList<string>? Columns { get; init; }
    public IReadOnlyList<string>? GroupBy { get; init; }
    public bool IncludeNullKeys { get; init; }
    public bool ByteOrderMark { get; init; }
    public string? DocumentId { get; init; }
    public string? Variables { get; init; }
    public string? OperationName { get; init; }

    private static readonly string[] RowParameters = ["where", "order", "columns", "bom", "documentId", "variables", "operationName"];
    private static readonly string[] GroupedParameters = ["where", "groupBy", "includeNullKeys", "bom"];

    /// <summary>The collection (a root field of the model) and format of a file name such as <c>villages.csv</c>.</summary>
    public static (EntityDescriptor Type, DownloadFormat Format) File(EntityModel model, string collection, string? extension)
    {
        var type = model.All.FirstOrDefault(t => t.RootField == collection)
            ?? throw DownloadProblem.NotFound($"There is no collection '{collection}'; downloads: {string.Join(", ", model.All.Where(t => t.RootField != null).Select(t => t.RootField).Order())}.");
        var format = DownloadFormats.Parse(extension)
            ?? throw DownloadProblem.NotFound($"Downloads come as .csv, .jsonl or .parquet, not '.{extension}'.");
        return (type, format);
    }

    public static DownloadRequest Read(EntityDescriptor type, DownloadFormat format, bool grouped, IQueryCollection query)
    {
        var allowed = grouped ? GroupedParameters : RowParameters;
        foreach (var (name, values) in query)
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
                throw DownloadProblem.BadRequest($"Unknown parameter '{name}'; this download takes {string.Join(", ", allowed)}.");
            if (values.Count > 1) throw DownloadProblem.BadRequest($"'{name}' is given {values.Count} times.");
        }
        string? Text(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
        var request = new DownloadRequest(type, format, grouped)
        {
            Where = Json(Text("where"), "where", JsonValueKind.Object),
            Order = Json(Text("order"), "order", JsonValueKind.Array),
            Variables = Json(Text("variables"), "variables", JsonValueKind.Object),
            Columns = List(Text("columns")),
            GroupBy = List(Text("groupBy")),
            IncludeNullKeys = Flag(Text("includeNullKeys"), "includeNullKeys"),
            ByteOrderMark = Flag(Text("bom"), "bom"),
            DocumentId = Text("documentId"),
            OperationName = Text("operationName"),
        };
        if (request.DocumentId != null && (request.Where ?? request.Order ?? (object?)request.Columns) != null)
            throw DownloadProblem.BadRequest("A persisted document defines the download's filter, order and columns: send 'documentId' with 'variables', not with where, order or columns.");
        if (request.DocumentId == null && (request.Variables ?? request.OperationName) != null)
            throw DownloadProblem.BadRequest("'variables' and 'operationName' go with 'documentId'.");
        if (grouped && request.GroupBy == null) throw DownloadProblem.BadRequest("A grouped download needs 'groupBy' (e.g. groupBy=COUNTY,PRIMARY_CAUSE).");
        return request;
    }

    private static string? Json(string? text, string name, JsonValueKind kind)
    {
        if (text == null) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != kind)
            {
                throw DownloadProblem.BadRequest($"'{name}' must be a JSON {(kind == JsonValueKind.Array ? "array" : "object")} in the GraphQL input syntax, e.g. " +
                    (kind == JsonValueKind.Array ? "[{\"name\":\"ASC\"}]" : "{\"county\":{\"name\":{\"eq\":\"蛟河市\"}}}"));
            }
        }
        catch (JsonException e)
        {
            throw DownloadProblem.BadRequest($"'{name}' is not JSON: {e.Message}");
        }
        return text;
    }

    private static IReadOnlyList<string>? List(string? text) =>
        text?.Split(',').Select(p => p.Trim()).ToList();

    private static bool Flag(string? text, string name) => text switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw DownloadProblem.BadRequest($"'{name}' is true or false, not '{text}'."),
    };
}
