using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.Server.Downloads;
using PovertyGraph.Server.Receipts;

namespace PovertyGraph.Server.Metadata;

/// <summary>
/// <c>GET /catalog.jsonld</c>: the DCAT-AP catalogue (JSON-LD) of what this server publishes. One dataset per group of
/// collections (geography; villages; households and persons; projects and funding; plan targets; source documents),
/// each with a distribution per download (CSV, JSON Lines, Parquet, each described by its CSVW metadata) and one for
/// the GraphQL endpoint (a dcat:DataService), licence, publisher, temporal and spatial coverage, provenance (the five
/// documents) and, for households and persons, the plain statement that they are synthetic.
/// </summary>
public sealed class DatasetCatalog(IDbContextFactory<PovertyGraphDbContext> factory, EntityModel model, Receipts.Receipts receipts, PublishingOptions options)
{
    public const string Synthetic = "All household and person data in this dataset are synthetic: generated, not collected, so that every total the " +
                                    "source documents publish is reproduced exactly. No record describes a real person or household.";

    private static readonly (string Id, string Title, string Description, string[] Collections)[] Datasets =
    [
        ("geography", "Jilin's administrative divisions", "The province, its 9 prefectures, the counties and townships the documents name, with Hanyu Pinyin names.",
            ["provinces", "prefectures", "counties", "townships"]),
        ("villages", "Villages and registered poor villages", "Administrative villages, the 1,489 registered poor villages (建档立卡贫困村) of 2015 and their planned exit years.",
            ["villages"]),
        ("households-and-persons", "Registered poor households and their members (synthetic)", "Registered poor households (建档立卡贫困户) and persons. " + Synthetic +
            " Personal fields are masked by role; aggregates are protected statistics for callers without exact figures.", ["households", "persons"]),
        ("projects-and-funding", "Poverty-alleviation projects and their funding", "Projects and programmes, funding sources and allocations by year, in yuan.",
            ["projects", "fundingSources", "fundingAllocations"]),
        ("plan-targets", "Plan targets", "Every indicator table of the province's, Jiaohe's and the national 13th Five-Year poverty plans, cell by cell.", ["planTargets"]),
        ("source-documents", "Source documents", "The five government documents every real fact is transcribed from.", ["sourceDocuments"]),
    ];

    public async Task WriteAsync(HttpContext context)
    {
        await using var db = await factory.CreateDbContextAsync(context.RequestAborted);
        var info = await db.DatasetInfo.Current().FirstOrDefaultAsync(context.RequestAborted);
        var sources = await db.SourceDocuments.OrderBy(d => d.Id).ToListAsync(context.RequestAborted);
        var root = receipts.Base(context);
        var licence = new JsonObject { ["@id"] = CsvwDescriptions.Licence };
        var publisher = new JsonObject { ["@type"] = "foaf:Agent", ["foaf:name"] = options.Publisher };
        var documents = new JsonArray(sources.Select(s => (JsonNode)new JsonObject
        {
            ["@type"] = "foaf:Document", ["dct:identifier"] = s.DocumentNumber ?? s.Id, ["dct:title"] = s.Title,
            ["dct:publisher"] = new JsonObject { ["@type"] = "foaf:Agent", ["foaf:name"] = s.Issuer },
            ["dct:issued"] = s.IssuedOn is { } issued ? Typed(issued.ToString("yyyy-MM-dd"), "xsd:date") : null,
        }).ToArray());
        var service = new JsonObject
        {
            ["@id"] = root + "/graphql", ["@type"] = "dcat:DataService", ["dct:title"] = "PovertyGraph GraphQL API",
            ["dcat:endpointURL"] = new JsonObject { ["@id"] = root + "/graphql" },
            ["dcat:endpointDescription"] = new JsonObject { ["@id"] = root + "/graphql/schema.graphql" },
            ["dcat:servesDataset"] = new JsonArray(Datasets.Select(d => (JsonNode)new JsonObject { ["@id"] = $"{root}/catalog.jsonld#{d.Id}" }).ToArray()),
            ["dct:license"] = licence.DeepClone(),
        };
        var catalog = new JsonObject
        {
            ["@context"] = Context(),
            ["@id"] = root + "/catalog.jsonld",
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = "PovertyGraph: open data on Jilin's targeted poverty alleviation (精准扶贫)",
            ["dct:description"] = "Real facts transcribed from five public government documents, each row with its provenance, and synthetic " +
                                  "household and person data that reproduce the documents' totals. " + Synthetic,
            ["dct:publisher"] = publisher.DeepClone(),
            ["dct:license"] = licence.DeepClone(),
            ["dct:language"] = new JsonArray(new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/language/ZHO" },
                new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/language/ENG" }),
            ["dct:modified"] = info == null ? null : Typed(info.BuiltAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), "xsd:dateTime"),
            ["owl:versionInfo"] = info?.Version,
            ["adms:versionNotes"] = $"Changelog of every data version: {root}/data/changelog",
            ["foaf:homepage"] = new JsonObject { ["@id"] = root + "/explore" },
            ["dcat:service"] = new JsonArray(service),
            ["dcat:dataset"] = new JsonArray(Datasets.Select(d => (JsonNode)Dataset(d, root, licence, publisher, documents, info)).ToArray()),
        };
        context.Response.ContentType = "application/ld+json; charset=utf-8";
        context.Response.Headers.CacheControl = "public, max-age=300";
        await context.Response.WriteAsync(catalog.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        }));
    }

    private JsonObject Dataset((string Id, string Title, string Description, string[] Collections) d, string root, JsonObject licence, JsonObject publisher,
        JsonArray documents, DatasetInfo? info)
    {
        var distributions = new JsonArray();
        foreach (var collection in d.Collections)
        {
            var type = model.All.Single(t => t.RootField == collection);
            foreach (var format in DownloadFormats.All)
            {
                var url = $"{root}/data/{collection}.{DownloadFormats.Extension(format)}";
                distributions.Add(new JsonObject
                {
                    ["@id"] = url, ["@type"] = "dcat:Distribution",
                    ["dct:title"] = $"{collection} ({DownloadFormats.Extension(format).ToUpperInvariant()})",
                    ["dct:description"] = type.Description,
                    ["dcat:accessURL"] = new JsonObject { ["@id"] = url }, ["dcat:downloadURL"] = new JsonObject { ["@id"] = url },
                    ["dcat:mediaType"] = new JsonObject { ["@id"] = "https://www.iana.org/assignments/media-types/" + DownloadFormats.MediaType(format).Split(';')[0] },
                    ["dct:format"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/file-type/" + FileType(format) },
                    ["dct:license"] = licence.DeepClone(),
                    ["dct:conformsTo"] = format == DownloadFormat.Csv ? new JsonObject { ["@id"] = "https://www.rfc-editor.org/rfc/rfc4180" } : null,
                    ["wdrs:describedby"] = new JsonObject { ["@id"] = $"{root}/data/{collection}.csv-metadata.json" },
                });
            }
        }
        distributions.Add(new JsonObject
        {
            ["@id"] = $"{root}/graphql#{d.Id}", ["@type"] = "dcat:Distribution", ["dct:title"] = "GraphQL API",
            ["dct:description"] = $"The same data through GraphQL: root fields {string.Join(", ", d.Collections)}; grouped tables at /data/{{collection}}/grouped.csv.",
            ["dcat:accessURL"] = new JsonObject { ["@id"] = root + "/graphql" },
            ["dcat:accessService"] = new JsonObject { ["@id"] = root + "/graphql" },
            ["dct:license"] = licence.DeepClone(),
        });
        return new JsonObject
        {
            ["@id"] = $"{root}/catalog.jsonld#{d.Id}", ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = d.Id, ["dct:title"] = d.Title, ["dct:description"] = d.Description,
            ["dcat:keyword"] = new JsonArray("poverty alleviation", "精准扶贫", "Jilin", "吉林省", "open data"),
            ["dct:publisher"] = publisher.DeepClone(), ["dct:license"] = licence.DeepClone(),
            ["dct:spatial"] = new JsonObject { ["@type"] = "dct:Location", ["skos:prefLabel"] = "吉林省 Jilin Province, China", ["dct:identifier"] = "GB/T 2260: 220000" },
            ["dct:temporal"] = new JsonObject { ["@type"] = "dct:PeriodOfTime", ["dcat:startDate"] = Typed("2013-01-01", "xsd:date"), ["dcat:endDate"] = Typed("2020-12-31", "xsd:date") },
            ["dct:provenance"] = new JsonObject
            {
                ["@type"] = "dct:ProvenanceStatement",
                ["rdfs:label"] = "Real facts are transcribed from the five source documents (dct:source); every row says which and where (provenance), " +
                                 "and generated or inferred values are flagged. " + Synthetic,
            },
            ["dct:source"] = documents.DeepClone(),
            ["owl:versionInfo"] = info?.Version,
            ["dcat:distribution"] = distributions,
        };
    }

    private static string FileType(DownloadFormat format) => format switch
    {
        DownloadFormat.Csv => "CSV",
        DownloadFormat.JsonLines => "JSON_LINES",
        _ => "PARQUET",
    };

    private static JsonObject Typed(string value, string type) => new() { ["@value"] = value, ["@type"] = type };

    private static JsonObject Context() => new()
    {
        ["dcat"] = "http://www.w3.org/ns/dcat#", ["dct"] = "http://purl.org/dc/terms/", ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["adms"] = "http://www.w3.org/ns/adms#", ["owl"] = "http://www.w3.org/2002/07/owl#", ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#",
        ["skos"] = "http://www.w3.org/2004/02/skos/core#", ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["wdrs"] = "http://www.w3.org/2007/05/powder-s#",
    };
}
