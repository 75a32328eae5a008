using System.Net;
using System.Text.RegularExpressions;

namespace PovertyGraph.Tests.Explorer;

/// <summary>
/// GET /explore and its assets over HTTP: the page, every script it loads (following the ES module imports), its
/// styles and ECharts come from this server; the page forbids loading anything from elsewhere; GraphiQL opens
/// prefilled with a chart's query.
/// </summary>
public sealed class ExplorerEndpointTests(PovertyGraphFactory factory) : IClassFixture<PovertyGraphFactory>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static readonly Regex Remote = new(@"(?:src|href)\s*=\s*[""']?\s*(?:https?:)?//", RegexOptions.IgnoreCase);
    private static readonly Regex LocalAsset = new(@"(?:src|href)\s*=\s*[""'](/explore/[^""']+)[""']", RegexOptions.IgnoreCase);
    private static readonly Regex ModuleImport = new(@"^\s*import\s[^;]*?from\s+'(\.{1,2}/[^']+)'", RegexOptions.Multiline);

    [Fact]
    public async Task Explore_serves_the_page_with_only_local_assets_and_a_same_origin_policy()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/explore");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>PovertyGraph Explorer</title>", html);
        Assert.False(Remote.IsMatch(html), "the page names another host");
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("connect-src 'self' blob:", policy);

        var assets = LocalAsset.Matches(html).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("/explore/echarts.min.js", assets);
        Assert.Contains("/explore/js/main.js", assets);

        // Every asset is served; scripts are followed through their imports, so a missing module fails here.
        var pending = new Queue<string>(assets);
        var seen = new HashSet<string>(assets);
        while (pending.TryDequeue(out var asset))
        {
            using var assetResponse = await client.GetAsync(asset);
            Assert.True(assetResponse.StatusCode == HttpStatusCode.OK, $"GET {asset} answered {(int)assetResponse.StatusCode}");
            var text = await assetResponse.Content.ReadAsStringAsync();
            Assert.True(text.Length > 0, $"GET {asset} was empty");
            if (!asset.StartsWith("/explore/js/", StringComparison.Ordinal)) continue;
            Assert.Equal("text/javascript", assetResponse.Content.Headers.ContentType?.MediaType);
            Assert.False(Remote.IsMatch(text) || text.Contains("http://", StringComparison.Ordinal) || text.Contains("https://", StringComparison.Ordinal),
                $"{asset} names another host");
            foreach (Match import in ModuleImport.Matches(text))
            {
                var target = new Uri(new Uri("http://local" + asset), import.Groups[1].Value).AbsolutePath;
                if (seen.Add(target)) pending.Enqueue(target);
            }
        }
        Assert.True(seen.Count > 10, $"only {seen.Count} assets were found: {string.Join(", ", seen)}");
    }

    [Fact]
    public async Task Explore_assets_outside_the_folder_or_missing_are_404()
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/explore/no-such-file.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/explore/..%2F..%2Fappsettings.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/explore/js/..%2F..%2Fgraphiql%2Findex.html")).StatusCode);
    }

    [Fact]
    public async Task A_browser_opening_graphql_with_a_query_gets_GraphiQL_and_a_client_gets_the_result()
    {
        using var client = factory.CreateClient();
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B%20__typename%20%7D");
        browser.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        using var page = await client.SendAsync(browser);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("params.get('query')", await page.Content.ReadAsStringAsync());

        using var api = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B%20__typename%20%7D");
        api.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
        using var result = await client.SendAsync(api);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Contains("\"__typename\":\"Query\"", await result.Content.ReadAsStringAsync());
    }
}
