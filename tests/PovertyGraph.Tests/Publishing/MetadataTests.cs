using System.Text.Json.Nodes;
using static PovertyGraph.Tests.Publishing.DownloadClient;

namespace PovertyGraph.Tests.Publishing;

/// <summary>
/// The DCAT-AP catalogue (<c>/catalog.jsonld</c>) has the structure and the mandatory properties DCAT-AP asks for, and
/// every column of every download is described by its CSVW metadata.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MetadataTests(PovertyGraphFactory factory)
{
    private async Task<JsonObject> CatalogAsync()
    {
        var response = await GetAsync(factory, "/catalog.jsonld");
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>A compact IRI (dcat:Dataset) as the full IRI the @context maps it to.</summary>
    private static string Expand(JsonObject context, string term)
    {
        var colon = term.IndexOf(':');
        return colon > 0 && context[term[..colon]] is { } prefix ? prefix.ToString() + term[(colon + 1)..] : term;
    }

    [Fact]
    public async Task The_catalogue_is_DCAT_AP_with_the_mandatory_properties()
    {
        var catalog = await CatalogAsync();
        var context = catalog["@context"]!.AsObject();
        Assert.Equal("http://www.w3.org/ns/dcat#Catalog", Expand(context, catalog["@type"]!.ToString()));
        Assert.Equal("http://purl.org/dc/terms/", context["dct"]!.ToString());
        // DCAT-AP mandatory for a catalogue: title, description, publisher, dataset.
        foreach (var property in new[] { "dct:title", "dct:description", "dct:publisher", "dcat:dataset" }) Assert.NotNull(catalog[property]);
        Assert.Equal("http://xmlns.com/foaf/0.1/Agent", Expand(context, catalog["dct:publisher"]!["@type"]!.ToString()));
        var datasets = catalog["dcat:dataset"]!.AsArray();
        Assert.Equal(["geography", "villages", "households-and-persons", "projects-and-funding", "plan-targets", "source-documents"],
            datasets.Select(d => d!["dct:identifier"]!.ToString()));
        foreach (var dataset in datasets)
        {
            Assert.Equal("http://www.w3.org/ns/dcat#Dataset", Expand(context, dataset!["@type"]!.ToString()));
            foreach (var property in new[] { "dct:title", "dct:description", "dct:license", "dct:publisher", "dct:spatial", "dct:temporal", "dct:provenance" })
                Assert.NotNull(dataset[property]);
            Assert.Equal(5, dataset["dct:source"]!.AsArray().Count); // the five documents
            foreach (var distribution in dataset["dcat:distribution"]!.AsArray())
            {
                Assert.Equal("http://www.w3.org/ns/dcat#Distribution", Expand(context, distribution!["@type"]!.ToString()));
                Assert.NotNull(distribution["dcat:accessURL"]!["@id"]); // mandatory
                Assert.NotNull(distribution["dct:license"]);
            }
        }
        var people = datasets.Single(d => d!["dct:identifier"]!.ToString() == "households-and-persons")!;
        Assert.Contains("synthetic", people["dct:description"]!.ToString());
        Assert.Contains("No record describes a real person", people["dct:provenance"]!["rdfs:label"]!.ToString());
        var service = catalog["dcat:service"]![0]!;
        Assert.Equal("http://www.w3.org/ns/dcat#DataService", Expand(context, service["@type"]!.ToString()));
        Assert.EndsWith("/graphql", service["dcat:endpointURL"]!["@id"]!.ToString());
    }

    [Fact]
    public async Task Every_distribution_downloads_and_every_column_of_every_download_is_described()
    {
        var catalog = await CatalogAsync();
        var downloads = catalog["dcat:dataset"]!.AsArray().SelectMany(d => d!["dcat:distribution"]!.AsArray())
            .Select(d => d!["dcat:downloadURL"]?["@id"]?.ToString()).OfType<string>().Where(u => u.EndsWith(".csv", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, downloads.Count); // every collection except the administrators' audit log
        foreach (var url in downloads.Select(u => new Uri(u).PathAndQuery)
                     .Concat(["/data/households/grouped.csv?groupBy=COUNTY,PRIMARY_CAUSE", "/data/projects/grouped.csv?groupBy=CATEGORY",
                              "/data/fundingAllocations/grouped.csv?groupBy=SOURCE,YEAR"]))
        {
            await AssertDescribedAsync(url);
        }
    }

    private async Task AssertDescribedAsync(string url)
    {
        var csv = await CsvAsync(factory, url);
        var response = await GetAsync(factory, url.Replace(".csv", ".csv-metadata.json"));
        Assert.Equal("application/csvm+json", response.Content.Headers.ContentType?.MediaType);
        var metadata = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("http://www.w3.org/ns/csvw", metadata["@context"]![0]!.ToString());
        Assert.EndsWith(url, metadata["url"]!.ToString());
        var columns = metadata["tableSchema"]!["columns"]!.AsArray();
        Assert.Equal(csv.Headers, columns.Select(c => c!["titles"]!.ToString()));
        foreach (var column in columns)
        {
            Assert.False(string.IsNullOrWhiteSpace(column!["dc:description"]!.ToString()), $"{url}: {column["name"]} has no description");
            Assert.NotNull(column["datatype"]);
            Assert.Equal("", column["null"]![0]!.ToString());
        }
        // A column declared never empty is never empty.
        foreach (var column in columns.Where(c => (bool)c!["required"]!))
            Assert.All(csv.Rows, r => Assert.NotEqual("", r[column!["titles"]!.ToString()]));
    }

    [Fact]
    public async Task Units_and_masked_forms_are_stated()
    {
        var projects = JsonNode.Parse(await (await GetAsync(factory, "/data/projects.csv-metadata.json")).Content.ReadAsStringAsync())!;
        Assert.Equal("yuan", projects["tableSchema"]!["columns"]!.AsArray().Single(c => c!["name"]!.ToString() == "budget")!["schema:unitText"]!.ToString());
        var grouped = JsonNode.Parse(await (await GetAsync(factory, "/data/households/grouped.csv-metadata.json?groupBy=COUNTY")).Content.ReadAsStringAsync())!;
        Assert.Equal("persons", grouped["tableSchema"]!["columns"]!.AsArray().Single(c => c!["name"]!.ToString() == "sum_memberCount")!["schema:unitText"]!.ToString());
        var persons = JsonNode.Parse(await (await GetAsync(factory, "/data/persons.csv-metadata.json")).Content.ReadAsStringAsync())!;
        Assert.Contains("the surname followed by *", persons["tableSchema"]!["columns"]!.AsArray().Single(c => c!["name"]!.ToString() == "name")!["dc:description"]!.ToString());
    }
}
