namespace PovertyGraph.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class RootFieldTests(PovertyGraphFactory factory)
{
    [Theory]
    // Counts from seed-data (transcribed from the documents): 1 province, 9 prefectures (002), 5 documents.
    [InlineData("provinces", 1)]
    [InlineData("prefectures", 9)]
    [InlineData("sourceDocuments", 5)]
    public async Task Small_collections_have_the_documents_rows(string field, int expected)
    {
        var data = await factory.QueryAsync($"{{ {field} {{ totalCount nodes {{ id }} }} }}");
        Assert.Equal(expected, (int)data[field]!["totalCount"]!);
        Assert.Equal(expected, data[field]!["nodes"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("counties")]
    [InlineData("townships")]
    [InlineData("villages")]
    [InlineData("households")]
    [InlineData("projects")]
    [InlineData("fundingSources")]
    [InlineData("fundingAllocations")]
    [InlineData("planTargets")]
    public async Task Every_collection_root_field_pages_and_counts(string field)
    {
        var data = await factory.QueryAsync($"{{ {field}(first: 3) {{ totalCount nodes {{ id }} edges {{ cursor node {{ id }} }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}");
        var connection = data[field]!;
        Assert.True((int)connection["totalCount"]! > 3);
        Assert.Equal(3, connection["nodes"]!.AsArray().Count);
        Assert.Equal(connection["nodes"]![0]!["id"]!.ToString(), connection["edges"]![0]!["node"]!["id"]!.ToString());
        Assert.True((bool)connection["pageInfo"]!["hasNextPage"]!);
        Assert.False((bool)connection["pageInfo"]!["hasPreviousPage"]!);
        Assert.Equal(connection["edges"]![0]!["cursor"]!.ToString(), connection["pageInfo"]!["startCursor"]!.ToString());
        Assert.Equal(connection["edges"]![2]!["cursor"]!.ToString(), connection["pageInfo"]!["endCursor"]!.ToString());
    }

    [Fact]
    public async Task Dataset_reports_the_build_and_row_counts()
    {
        var data = await factory.QueryAsync("{ dataset { version profile licence generatorSeed seedChecksum syntheticShare rowCounts { table rows syntheticRows } } }");
        var dataset = data["dataset"]!;
        Assert.Equal("jiaohe", dataset["profile"]!.ToString());
        Assert.Equal(64, dataset["seedChecksum"]!.ToString().Length);
        var counts = dataset["rowCounts"]!.AsArray().ToDictionary(r => r!["table"]!.ToString(), r => ((int)r!["rows"]!, (int)r["syntheticRows"]!));
        // Jiaohe (001, Table 1-1): 5,832 households and 11,609 persons, all synthetic.
        Assert.Equal((5832, 5832), counts["households"]);
        Assert.Equal((11609, 11609), counts["persons"]);
        Assert.Equal(5, counts["sourceDocuments"].Item1);
        var share = (double)dataset["syntheticShare"]!;
        Assert.InRange(share, 0.5, 1.0);
    }

    [Fact]
    public async Task Dataset_lists_the_five_source_documents()
    {
        var data = await factory.QueryAsync("{ dataset { sources { key documentNumber issuer } } }");
        var sources = data["dataset"]!["sources"]!.AsArray();
        Assert.Equal(5, sources.Count);
        // Document numbers as printed in 000, 002 and 004.
        var numbers = sources.Select(s => s!["documentNumber"]?.ToString()).ToList();
        Assert.Contains("吉政发〔2017〕27号", numbers);
        Assert.Contains("吉政办明电〔2013〕27号", numbers);
        Assert.Contains("国发〔2016〕64号", numbers);
    }

    [Fact]
    public async Task Me_without_a_token_is_public()
    {
        var data = await factory.QueryAsync("{ me { role subject organization exactStatistics } }");
        Assert.Equal("PUBLIC", data["me"]!["role"]!.ToString());
        Assert.Null(data["me"]!["subject"]);
        Assert.False((bool)data["me"]!["exactStatistics"]!);
    }

    [Fact]
    public async Task Provenance_names_the_source_document()
    {
        var data = await factory.QueryAsync("""
            { villages(where: {name: {eq: "青背村"}}) { nodes { name provincialLevel township { name } county { name }
                provenance { synthetic syntheticFields reference source { key documentNumber issuer } } } } }
            """);
        var village = data["villages"]!["nodes"]![0]!;
        Assert.Equal("漂河镇", village["township"]!["name"]!.ToString()); // 001, Table 1-2
        Assert.Equal("蛟河市", village["county"]!["name"]!.ToString());
        Assert.False((bool)village["provenance"]!["synthetic"]!);
        Assert.Equal("jiaohe-plan-2016-2020", village["provenance"]!["source"]!["key"]!.ToString());
        // Its exit year is generated (the province's plan gives totals, not villages).
        Assert.Contains("plannedExitYear", village["provenance"]!["syntheticFields"]!.AsArray().Select(f => f!.ToString()));
    }
}
