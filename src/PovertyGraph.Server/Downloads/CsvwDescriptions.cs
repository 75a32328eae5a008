using System.Text.Json;
using System.Text.Json.Nodes;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.Server.Receipts;

namespace PovertyGraph.Server.Downloads;

/// <summary>
/// CSV on the Web (W3C CSVW) metadata of a download, at its CSV address with <c>-metadata.json</c> appended and the same
/// query (<c>/data/villages.csv-metadata.json?columns=name,county.name</c>): the table's columns for this caller, their
/// datatypes, units and descriptions (the schema's), how a masked column is shown, what an empty cell means, the dialect
/// (RFC 4180, UTF-8, header row), licence and provenance, and for protected statistics the rule in force.
/// </summary>
public sealed class CsvwDescriptions(RowDownloads rows, GroupedDownloads grouped, Receipts.Receipts receipts, GraphQL.Access.StatisticsOptions statistics)
{
    public const string MediaType = "application/csvm+json";
    public const string Licence = "https://creativecommons.org/licenses/by/4.0/";

    public async Task WriteAsync(HttpContext context, DownloadRequest request)
    {
        var runtime = context.RequestServices.GetRequiredService<QueryRuntime>();
        IReadOnlyList<TableColumn> columns;
        string? note = null;
        if (request.Grouped)
        {
            var table = grouped.Table(request, runtime);
            columns = table.Columns;
            note = table.Protected ? ProtectionParameters.Rule(statistics) : "Exact figures: the caller's role gets household and person aggregates unprotected.";
        }
        else
        {
            columns = (await rows.PrepareAsync(context, request, runtime)).Columns.Select(c => c.Column).ToList();
        }

        var baseUrl = receipts.Base(context);
        var path = context.Request.Path.Value!;
        var csv = $"{baseUrl}{path[..^"-metadata.json".Length]}{context.Request.QueryString}";
        var description = new JsonObject
        {
            ["@context"] = new JsonArray("http://www.w3.org/ns/csvw", new JsonObject { ["@language"] = "en" }),
            ["url"] = csv,
            ["dc:title"] = $"{request.Type.RootField}{(request.Grouped ? " grouped by " + string.Join(", ", request.GroupBy!) : "")} (PovertyGraph)",
            ["dc:description"] = request.Type.Description,
            ["dc:license"] = new JsonObject { ["@id"] = Licence },
            ["dc:source"] = $"{baseUrl}/catalog.jsonld",
            ["dialect"] = new JsonObject
            {
                ["encoding"] = "utf-8", ["header"] = true, ["headerRowCount"] = 1, ["delimiter"] = ",", ["doubleQuote"] = true,
                ["lineTerminators"] = new JsonArray("\r\n"), ["skipInitialSpace"] = false, ["trim"] = false,
            },
            ["tableSchema"] = new JsonObject { ["columns"] = new JsonArray(columns.Select(Column).ToArray<JsonNode?>()) },
        };
        if (note != null) description["notes"] = new JsonArray(new JsonObject { ["@type"] = "oa:Annotation", ["oa:hasBody"] = new JsonObject { ["@type"] = "oa:TextualBody", ["rdf:value"] = note } });
        if (note != null) description["povertygraph:statisticsRule"] = note;
        context.Response.ContentType = MediaType + "; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Vary = "Authorization";
        await context.Response.WriteAsync(description.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }));
    }

    private static JsonObject Column(TableColumn column)
    {
        var text = column.Description;
        if (column.Masked != null) text += $" Shown {column.Masked}.";
        if (column.EmptyMeans != null) text += $" Empty: {column.EmptyMeans}.";
        var json = new JsonObject
        {
            ["name"] = column.Name,
            ["titles"] = column.Name,
            ["datatype"] = Datatype(column),
            ["dc:description"] = text,
            ["required"] = column.EmptyMeans == null,
            ["null"] = new JsonArray(""),
        };
        if (column.Unit != null) json["schema:unitText"] = column.Unit;
        return json;
    }

    private static JsonNode Datatype(TableColumn column) => column.Name == "status"
        ? new JsonObject { ["base"] = "string", ["format"] = $"{GroupedTable.Exact}|{GroupedTable.Perturbed}|{GroupedTable.Suppressed}" }
        : column.Type switch
        {
            ColumnType.Integer => "integer",
            ColumnType.Boolean => new JsonObject { ["base"] = "boolean", ["format"] = "true|false" },
            ColumnType.Date => "date",
            ColumnType.DateTime => "dateTime",
            _ => "string",
        };
}
