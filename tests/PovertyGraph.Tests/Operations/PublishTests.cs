using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using PovertyGraph.Tests.Browser;

namespace PovertyGraph.Tests.Operations;

/// <summary>
/// <c>dotnet publish</c>'s output, copied outside the repository and started from an unrelated working directory,
/// finds its configuration, its IDE assets and its seed data, and keeps its database in its own folder.
/// </summary>
public sealed class PublishTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_published_server_starts_and_serves_from_any_working_directory()
    {
        var root = Path.Combine(Path.GetTempPath(), "povertygraph-tests", $"publish-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var app = Path.Combine(root, "app");
        var elsewhere = Directory.CreateDirectory(Path.Combine(root, "elsewhere")).FullName;
        try
        {
            await PublishAsync(app);
            Assert.True(File.Exists(Path.Combine(app, "appsettings.json")));
            Assert.True(File.Exists(Path.Combine(app, "wwwroot", "graphiql", "index.html")));
            Assert.True(File.Exists(Path.Combine(app, "seed-data", "villages.csv")));

            using var timeout = new CancellationTokenSource(Bound);
            await using (var server = await ServerProcess.StartAsync(
                             new ServerStartOptions(ServerDll: Path.Combine(app, "PovertyGraph.Server.dll"), WorkingDirectory: elsewhere, DefaultDatabase: true),
                             timeout.Token))
            {
                using var http = new HttpClient { BaseAddress = server.BaseAddress };
                using var ready = await http.GetAsync("health/ready", timeout.Token);
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

                // Every county of the shipped seed data is served (one CSV row each, after the header).
                var counties = File.ReadLines(Path.Combine(app, "seed-data", "counties.csv")).Skip(1).Count(l => l.Length > 0);
                using var query = await http.GetAsync("graphql?query={counties{totalCount}}", timeout.Token);
                var data = JsonNode.Parse(await query.Content.ReadAsStringAsync(timeout.Token))!["data"]!;
                Assert.Equal(counties, data["counties"]!["totalCount"]!.GetValue<int>());

                using var ide = new HttpRequestMessage(HttpMethod.Get, "graphql");
                ide.Headers.Accept.ParseAdd("text/html");
                using var page = await http.SendAsync(ide, timeout.Token);
                Assert.Contains("graphiql.min.js", await page.Content.ReadAsStringAsync(timeout.Token));
            }
            Assert.True(File.Exists(Path.Combine(app, "data", "povertygraph.db")), "the default database belongs in the app's data/ folder");
            Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { /* a temp folder */ }
        }
    }

    /// <summary>
    /// Publishes the server already built for this test run's configuration (no build). Precompressed copies of the
    /// IDE's assets are left out: they are slow to make and have nothing to do with where the server starts.
    /// </summary>
    private static async Task PublishAsync(string output)
    {
        var repository = RepositoryRoot();
        var configuration = typeof(PublishTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "publish", Path.Combine("src", "PovertyGraph.Server", "PovertyGraph.Server.csproj"), "-c", configuration, "--no-build",
                     "-o", output, "-nologo", "-v", "q", "--disable-build-servers", "-nodeReuse:false", "-p:CompressionEnabled=false",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await ChildProcessExit.KillTreeAndDisposeAsync(process);
            throw;
        }
        Assert.True(process.ExitCode == 0, $"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PovertyGraph.sln"))) return dir.FullName;
        throw new InvalidOperationException("the repository root (PovertyGraph.sln) was not found above the test binaries");
    }
}
