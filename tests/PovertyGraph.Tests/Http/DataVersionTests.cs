using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Cost;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.Server.Caching;
using PovertyGraph.Server.Commands;
using PovertyGraph.Tests.Data;
using static PovertyGraph.Tests.Http.GraphQLGet;

namespace PovertyGraph.Tests.Http;

/// <summary>Every import gives the data a new version, and a running server's ETags follow it.</summary>
public sealed class DataVersionTests(ImportingFactory factory) : IClassFixture<ImportingFactory>
{
    private const string Counties = "{ counties(first: 100) { totalCount nodes { name } } }";

    [Fact]
    public async Task An_import_by_another_process_changes_the_version_and_every_tag()
    {
        using var client = factory.CreateClient();
        var parameters = new Dictionary<string, string?> { ["query"] = Counties };
        var (_, before, beforeBody) = await SendAsync(client, Get(parameters));
        var oldTag = before.Headers.ETag!.Tag.ToString();
        var oldCount = (int)beforeBody!["data"]!["counties"]!["totalCount"]!;
        var oldVersion = (string)(await factory.QueryAsync("{ dataset { version } }"))["dataset"]!["version"]!;
        Assert.Equal(304, (await SendAsync(client, Get(parameters, ifNoneMatch: oldTag))).Status);

        // The import command, as an operator would run it while the server serves: its own services, connections and transaction.
        ImportCounty(100, "测试县");

        var (status, after, afterBody) = await SendAsync(client, Get(parameters, ifNoneMatch: oldTag));
        Assert.Equal(200, status); // the old tag no longer matches: the new figures come back
        Assert.Equal(oldCount + 1, (int)afterBody!["data"]!["counties"]!["totalCount"]!);
        Assert.NotEqual(oldTag, after.Headers.ETag!.Tag.ToString());
        Assert.Equal(DatasetVersioning.Next(oldVersion), (string)(await factory.QueryAsync("{ dataset { version } }"))["dataset"]!["version"]!);
        Assert.Equal(304, (await SendAsync(client, Get(parameters, ifNoneMatch: after.Headers.ETag!.Tag.ToString()))).Status);
    }

    [Fact]
    public async Task Cost_statistics_are_read_again_once_an_import_has_changed_the_version()
    {
        await factory.QueryAsync("{ __typename }");
        var model = factory.Services.GetRequiredService<EntityModel>();
        var counties = model.For(typeof(County));
        var clock = new Clock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var statistics = new TableStatistics(factory.Services.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>(), model,
            new CostOptions { StatisticsCheckSeconds = 60 }, clock);
        var reloaded = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        statistics.Reloaded += generation => reloaded.TrySetResult(generation);
        var before = statistics.Rows(counties);
        Assert.Equal(1, statistics.Generation);

        ImportCounty(101, "测试二县");
        clock.Now = clock.Now.AddSeconds(59);
        Assert.Equal(before, statistics.Rows(counties)); // not looked for yet: the figures it has
        clock.Now = clock.Now.AddSeconds(2);
        Assert.Equal(before, statistics.Rows(counties)); // this use starts the check in the background

        Assert.Equal(2, await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(2, statistics.Generation);
        Assert.Equal(before + 1, statistics.Rows(counties));
    }

    /// <summary>Runs the import command on one county row, with its own services, connections and transaction.</summary>
    private static void ImportCounty(int id, string name)
    {
        var folder = DataTestSupport.NewTempFolder("import-version");
        try
        {
            File.WriteAllText(Path.Combine(folder, "counties.csv"),
                "id,prefectureId,name,namePinyin,code,kind,contiguousArea,nationalContiguousArea,source,reference,synthetic,syntheticFields\n" +
                $"{id},2,{name},Ceshi,,COUNTY,,,,test row,true,\n", new UTF8Encoding(false));
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = ImportingFactory.OwnDatabase,
            }).Build();
            Assert.Equal(0, ImportCommand.Run(["import", folder], configuration));
        }
        finally
        {
            DataTestSupport.DeleteQuietly(folder);
        }
    }

    [Theory]
    [InlineData("1.0.0", "1.0.1")]
    [InlineData("1.0.9", "1.0.10")]
    [InlineData("2", "3")]
    [InlineData("1.0.0-beta", "1.0.0-beta.1")]
    public void The_next_version_counts_the_imports(string version, string next) => Assert.Equal(next, DatasetVersioning.Next(version));

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task The_version_is_read_again_once_it_is_older_than_the_configured_time()
    {
        await factory.QueryAsync("{ __typename }");
        var clock = new Clock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var version = new DataVersion(factory.Services.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>(),
            new HttpCachingOptions { VersionCheckMilliseconds = 1000 }, clock);
        var reads = 0;
        version.Read += _ => reads++;
        var first = await version.CurrentAsync(CancellationToken.None);
        clock.Now = clock.Now.AddMilliseconds(999);
        Assert.Equal(first, await version.CurrentAsync(CancellationToken.None));
        Assert.Equal(1, reads);
        clock.Now = clock.Now.AddMilliseconds(1);
        Assert.Equal(first, await version.CurrentAsync(CancellationToken.None));
        Assert.Equal(2, reads);
    }
}
