using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace PovertyGraph.Tests.Browser;

/// <summary>
/// GraphiQL as a person uses it: the real server on a loopback port, Debian's headless Chromium opening
/// http://127.0.0.1:{port}/graphql, running a query with the execute button and reading the result pane.
/// Driven by PuppeteerSharp with the network cut off except the server. Needs /usr/bin/chromium
/// (apt-get install -y chromium). Screenshots land in the test output folder (bin/{Configuration}/{tfm}/Browser/screenshots/).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GraphiQLBrowserTests
{
    /// <summary>Bound on the plain HTTP requests.</summary>
    private static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(60);

    private const string ExecuteButton = ".graphiql-execute-button";
    private const string DocsButton = ".graphiql-sidebar button[aria-label='Show Documentation Explorer']";
    private const string HeadersTab = ".graphiql-editor-tools button[data-name='headers']";

    /// <summary>The query editor's text (CodeMirror 5 keeps its instance on the wrapper element).</summary>
    private const string QueryEditorValue = """
        (() => {
          const cm = document.querySelector('.graphiql-query-editor .CodeMirror');
          return cm && cm.CodeMirror ? cm.CodeMirror.getValue() : null;
        })()
        """;

    /// <summary>The result pane's text.</summary>
    private const string ResultValue = """
        (() => {
          const pane = document.querySelector('.result-window');
          if (!pane) return null;
          const cm = pane.querySelector('.CodeMirror');
          return cm && cm.CodeMirror ? cm.CodeMirror.getValue() : pane.innerText;
        })()
        """;

    private static readonly Regex TypenameQuery = new("\"__typename\"\\s*:\\s*\"Query\"", RegexOptions.Compiled);

    private readonly BrowserFixture _fixture;
    private readonly ITestOutputHelper _output;

    public GraphiQLBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    private Uri Base => _fixture.Server.BaseAddress;

    private Uri GraphQLPage => new(Base, "graphql");

    [Fact]
    public async Task Get_graphql_as_a_browser_serves_the_GraphiQL_page_with_only_local_assets()
    {
        using var http = new HttpClient { BaseAddress = Base, Timeout = HttpTimeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, "graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("graphiql", html);
        Assert.Contains("<title>PovertyGraph — GraphiQL</title>", html);

        // Works with no internet: nothing is loaded from another host.
        var remote = Regex.Matches(html, @"(?:src|href)\s*=\s*[""']?\s*(?:https?:)?//[^""'\s>]*", RegexOptions.IgnoreCase);
        Assert.True(remote.Count == 0, $"the page loads remote resources: {string.Join(", ", remote.Select(m => m.Value))}");

        // Every local script and stylesheet it names is served.
        var assets = Regex.Matches(html, @"(?:src|href)\s*=\s*[""'](/graphiql/[^""']+)[""']", RegexOptions.IgnoreCase)
            .Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("/graphiql/graphiql.min.js", assets);
        Assert.Contains("/graphiql/graphiql.min.css", assets);
        foreach (var asset in assets)
        {
            using var assetResponse = await http.GetAsync(asset);
            Assert.True(assetResponse.StatusCode == HttpStatusCode.OK, $"GET {asset} answered {(int)assetResponse.StatusCode}");
            Assert.True((await assetResponse.Content.ReadAsByteArrayAsync()).Length > 0, $"GET {asset} was empty");
        }
    }

    [Fact]
    public async Task Runs_the_default_query_with_the_execute_button_and_shows_the_result()
    {
        await using var page = await _fixture.OpenPageAsync();

        await page.GoToAsync(GraphQLPage);
        Assert.Equal("PovertyGraph — GraphiQL", await page.Page.GetTitleAsync());
        var query = await page.WaitForAsync(QueryEditorValue, "GraphiQL's query editor");
        Assert.Contains("{ __typename }", query.ToString());

        await page.ClickAsync(ExecuteButton);
        var result = await page.WaitForAsync($"(() => {{ const v = {ResultValue}; return v && /\"__typename\"/.test(v) ? v : null; }})()",
            "the result pane to show the response");
        _output.WriteLine($"result pane:\n{result}");
        Assert.Matches(TypenameQuery, result.ToString());

        // Also wait for the schema (GraphiQL introspects on load) so the screenshot shows a settled page.
        await page.WaitForAsync($"!!document.querySelector(\"{DocsButton}\")", "the docs explorer button");
        await SaveScreenshotAsync(page, "graphiql-result.png");

        // The operation went to /graphql on the same origin, as GraphQL over HTTP, with the Accept header.
        var posts = page.Requests.Where(r => r.Method == "POST").ToList();
        var run = posts.LastOrDefault(r => r.Body is { } body && body.Contains("__typename") && !body.Contains("IntrospectionQuery"));
        Assert.True(run is not null, $"no POST with the query was seen:\n{page.Report()}");
        Assert.Equal(new Uri(Base, "graphql").ToString(), run!.Url);
        Assert.Equal("application/graphql-response+json, application/json", run.Headers.GetValueOrDefault("Accept"));
        Assert.StartsWith("application/json", run.Headers.GetValueOrDefault("Content-Type"));
        Assert.Equal("{ __typename }", JsonDocument.Parse(run.Body!).RootElement.GetProperty("query").GetString()!.Split('\n')
            .Select(l => l.Trim()).Single(l => l.Length > 0 && !l.StartsWith('#')));

        AssertNothingLeftTheMachine(page);
        AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Docs_explorer_browses_the_schema_by_introspection()
    {
        await using var page = await _fixture.OpenPageAsync();

        await page.GoToAsync(GraphQLPage);
        await page.WaitForAsync(QueryEditorValue, "GraphiQL's query editor");
        await page.ClickAsync(DocsButton);

        // The root view lists the root types from the introspected schema ...
        await page.WaitForAsync(
            "(() => { const d = document.querySelector('.graphiql-doc-explorer'); return d && /Root Types/i.test(d.innerText) && d.querySelector('a.graphiql-doc-explorer-type-name') ? d.innerText : null; })()",
            "the docs explorer to show the schema's root types");

        // ... and the Query type opens with its fields.
        await page.EvaluateAsync<bool>("""
            (() => {
              const link = [...document.querySelectorAll('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name')]
                .find(a => a.textContent.trim() === 'Query');
              if (link) link.setAttribute('data-test-target', 'query-type');
              return !!link;
            })()
            """);
        await page.ClickAsync("[data-test-target='query-type']");
        var queryDocs = await page.WaitForAsync(
            "(() => { const t = document.querySelector('.graphiql-doc-explorer-title'); const d = document.querySelector('.graphiql-doc-explorer'); return t && t.textContent.trim() === 'Query' && /Fields/.test(d.innerText) ? d.innerText : null; })()",
            "the docs explorer to show the Query type and its fields");
        _output.WriteLine($"docs explorer:\n{queryDocs}");
        await SaveScreenshotAsync(page, "graphiql-docs.png");

        Assert.Contains(page.Requests, r => r.Method == "POST" && r.Url == new Uri(Base, "graphql").ToString()
                                            && r.Body is { } body && body.Contains("__schema"));
        AssertNothingLeftTheMachine(page);
        AssertNoPageErrors(page);
    }

    [Fact]
    public async Task Headers_editor_sends_the_authorization_header()
    {
        await using var page = await _fixture.OpenPageAsync();
        // A real development token: an invalid one is (rightly) answered 401, which the page would log as an error.
        var token = PovertyGraph.Tests.Infrastructure.Tokens.Researcher;

        await page.GoToAsync(GraphQLPage);
        await page.WaitForAsync(QueryEditorValue, "GraphiQL's query editor");
        await page.ClickAsync(HeadersTab);
        await page.WaitForAsync("""
            (() => {
              const editor = [...document.querySelectorAll('.graphiql-editor-tool .graphiql-editor')]
                .find(e => !e.classList.contains('hidden') && e.offsetParent !== null);
              const cm = editor && editor.querySelector('.CodeMirror');
              if (!cm || !cm.CodeMirror) return false;
              cm.CodeMirror.setValue('{"Authorization": "Bearer TOKEN"}');
              return true;
            })()
            """.Replace("TOKEN", token), "the headers editor");

        var graphql = new Uri(Base, "graphql").ToString();
        var sending = page.Page.WaitForRequestAsync(
            r => r.Method == HttpMethod.Post && r.Url == graphql && r.PostData?.ToString() is { } b && b.Contains("__typename"),
            new WaitForOptions { Timeout = (int)PageSession.WaitTimeout.TotalMilliseconds });
        await page.ClickAsync(ExecuteButton);
        var sent = await sending;
        var headers = new Dictionary<string, string>(sent.Headers, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("Bearer " + token, headers.GetValueOrDefault("Authorization"));
        Assert.Equal("application/graphql-response+json, application/json", headers.GetValueOrDefault("Accept"));

        // Whatever the server makes of the token, its answer reaches the result pane.
        var result = await page.WaitForAsync($"(() => {{ const v = {ResultValue}; return v && v.trim().length > 0 ? v : null; }})()",
            "the result pane to show the response");
        _output.WriteLine($"result pane with the header:\n{result}");
        AssertNothingLeftTheMachine(page);
    }

    /// <summary>Offline: every request the page made went to this server (or was inline data).</summary>
    private static void AssertNothingLeftTheMachine(PageSession page)
    {
        var elsewhere = page.RequestsElsewhere;
        Assert.True(elsewhere.Count == 0, $"the page requested other hosts: {string.Join(", ", elsewhere)}");
    }

    /// <summary>No uncaught exceptions, console errors or failed loads in the page.</summary>
    private static void AssertNoPageErrors(PageSession page)
    {
        var errors = page.Diagnostics
            .Where(d => d.StartsWith("uncaught", StringComparison.Ordinal) || d.StartsWith("console.error", StringComparison.Ordinal)
                        || d.StartsWith("request failed", StringComparison.Ordinal))
            .ToList();
        Assert.True(errors.Count == 0, $"the page reported errors:\n{string.Join('\n', errors)}\n{page.Report()}");
    }

    private async Task SaveScreenshotAsync(PageSession page, string name)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, name);
        await page.ScreenshotAsync(path);
        _output.WriteLine($"screenshot: {path}");
    }
}
