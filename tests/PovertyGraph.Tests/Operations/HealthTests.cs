using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;

namespace PovertyGraph.Tests.Operations;

/// <summary>/health/live and /health/ready through HTTP, on a healthy database and on broken ones.</summary>
[Collection(ApiCollection.Name)]
public sealed class HealthTests(PovertyGraphFactory shared)
{
    [Fact]
    public async Task Live_answers_200_without_touching_the_database()
    {
        var (status, body) = await GetAsync(shared, "/health/live");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Empty(body["checks"]!.AsObject());
    }

    [Fact]
    public async Task Ready_answers_200_with_each_check_and_the_dataset_version_the_api_reports()
    {
        var (status, body) = await GetAsync(shared, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string?)body["status"]);
        var checks = body["checks"]!.AsObject();
        Assert.Equal(["database", "migrations", "dataset"], checks.Select(c => c.Key));
        Assert.All(checks, c => Assert.Equal("Healthy", (string?)c.Value!["status"]));
        var version = (await shared.QueryAsync("{ dataset { version } }"))["dataset"]!["version"]!.GetValue<string>();
        Assert.Equal(version, (string?)checks["dataset"]!["data"]!["version"]);
    }

    [Fact]
    public async Task Ready_is_503_while_the_database_is_gone_or_replaced_and_200_again_once_it_is_back()
    {
        await using var factory = new OperationsFactory("health");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/health/ready")).Status);
        var path = factory.OwnDatabasePath;
        var aside = path + ".aside";

        SqliteConnection.ClearAllPools(); // closes the pooled connections, so the WAL is folded into the file
        File.Move(path, aside);
        try
        {
            var (gone, goneBody) = await GetAsync(factory, "/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, gone);
            Assert.Equal("Unhealthy", (string?)goneBody["status"]);
            Assert.All(goneBody["checks"]!.AsObject(), c => Assert.Equal("Unhealthy", (string?)c.Value!["status"]));
            Assert.False(File.Exists(path), "a health probe must not create the missing database file");

            // An empty database where the built one was: reachable, but neither migrated nor built.
            await File.WriteAllBytesAsync(path, []);
            SqliteConnection.ClearAllPools();
            var (empty, emptyBody) = await GetAsync(factory, "/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, empty);
            var checks = emptyBody["checks"]!;
            Assert.Equal("Healthy", (string?)checks["database"]!["status"]);
            Assert.Equal("Unhealthy", (string?)checks["migrations"]!["status"]);
            Assert.Contains("not applied", (string?)checks["migrations"]!["description"]);
            Assert.Equal("Unhealthy", (string?)checks["dataset"]!["status"]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
            File.Move(aside, path);
        }
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/health/ready")).Status);
    }

    [Fact]
    public async Task Ready_is_503_while_the_database_holds_no_committed_dataset()
    {
        // What another replica sees while a first-run build is still inside its transaction: migrated, no dataset row.
        await using var factory = new OperationsFactory("unbuilt");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/health/ready")).Status);
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var row = await db.DatasetInfo.AsNoTracking().SingleAsync();
        await db.DatasetInfo.ExecuteDeleteAsync();
        try
        {
            var (status, body) = await GetAsync(factory, "/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Healthy", (string?)body["checks"]!["migrations"]!["status"]);
            Assert.Equal("Unhealthy", (string?)body["checks"]!["dataset"]!["status"]);
            Assert.Contains("not been built", (string?)body["checks"]!["dataset"]!["description"]);
        }
        finally
        {
            db.DatasetInfo.Add(row);
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/health/ready")).Status);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(PovertyGraphFactory factory, string path)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
