using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Telemetry;
using PovertyGraph.Server.Telemetry;

namespace PovertyGraph.Tests.Operations;

/// <summary>One GraphQL request is one trace: the HTTP request, the GraphQL operation inside it, each SQL statement inside that.</summary>
public sealed class TracingTests
{
    private const string Query = """
        query JiaoheVillages {
          villages(first: 3, where: { county: { name: { eq: "蛟河市" } } }, order: [{ name: ASC }]) {
            totalCount
            nodes { name households(first: 2) { nodes { memberCount } } }
            aggregates { count }
          }
        }
        """;

    [Fact]
    public async Task A_graphql_request_is_an_http_span_an_operation_span_and_one_span_per_sql_statement()
    {
        var exported = new ExportedSpans();
        await using var factory = new OperationsFactory("traces", new Dictionary<string, string?> { ["Telemetry:Traces"] = "true" },
            host => host.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exported))));
        var sql = factory.Services.GetRequiredService<SqlCommandLog>();
        using var client = factory.CreateClient();

        // The caller's own trace context is continued: its trace ID, with its span as the parent.
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = Query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpan}-01");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Researcher);
        IReadOnlyList<string> statements;
        HttpResponseMessage response;
        using (var recording = sql.Record())
        {
            response = await client.SendAsync(request);
            statements = recording.Commands;
        }
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.DoesNotContain("\"errors\"", body);
        var requestId = Assert.Single(response.Headers.GetValues(RequestIdMiddleware.HeaderName));

        var trace = await SpansOfAsync(exported, traceId);
        var http = Assert.Single(trace, a => a.Kind == ActivityKind.Server);
        Assert.Equal(callerSpan, http.ParentSpanId);
        Assert.Equal("/graphql", http.GetTagItem("http.route"));
        Assert.Equal(requestId, http.GetTagItem(RequestIdMiddleware.SpanAttribute));

        var operation = Assert.Single(trace, a => a.Source.Name == GraphQLOperationTracing.SourceName);
        Assert.Equal(http.SpanId, operation.ParentSpanId);
        Assert.Equal("JiaoheVillages", operation.GetTagItem("graphql.operation.name"));
        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.Equal("researcher", operation.GetTagItem(OperationSpan.RoleAttribute));

        var sqlSpans = trace.Where(a => a.Kind == ActivityKind.Client).ToList();
        Assert.True(statements.Count >= 2, $"expected several statements, got {statements.Count}");
        Assert.Equal(statements.Count, sqlSpans.Count);
        Assert.All(sqlSpans, s => Assert.Equal(operation.SpanId, s.ParentSpanId));
        Assert.All(sqlSpans, s => Assert.Equal("sqlite", s.GetTagItem("db.system") ?? s.GetTagItem("db.system.name")));
        // The span has the statement's text with its literals replaced by '?' (the values themselves are parameters).
        Assert.Equal(statements.Select(WithoutLiterals).Order(), sqlSpans.Select(SqlText).Order());
        Assert.Equal(2 + statements.Count, trace.Count);
    }

    [Fact]
    public async Task Health_probes_are_not_traced()
    {
        var exported = new ExportedSpans();
        await using var factory = new OperationsFactory("traces-health", new Dictionary<string, string?> { ["Telemetry:Traces"] = "true" },
            host => host.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exported))));
        using var client = factory.CreateClient();
        var traceId = ActivityTraceId.CreateRandom();
        // The GraphQL request is a POST: a public GET reads the data version for its ETag, SQL of its own.
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/health/ready"), (HttpMethod.Post, "/graphql") })
        {
            using var request = new HttpRequestMessage(method, path);
            if (method == HttpMethod.Post) request.Content = System.Net.Http.Json.JsonContent.Create(new { query = "{__typename}" });
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            request.Headers.Accept.ParseAdd("application/json");
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
        }
        var trace = await SpansOfAsync(exported, traceId);
        var http = Assert.Single(trace, a => a.Kind == ActivityKind.Server);
        Assert.Equal("/graphql", http.GetTagItem("url.path"));
        Assert.DoesNotContain(trace, a => a.Kind == ActivityKind.Client); // the readiness checks' SQL is not traced either
    }

    private static string WithoutLiterals(string sql) => Regex.Replace(sql, @"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b", "?");

    private static string SqlText(Activity span) => (string)(span.GetTagItem("db.query.text") ?? span.GetTagItem("db.statement"))!;

    /// <summary>The spans of one trace, once its HTTP span has ended (the server span ends after the response is sent).</summary>
    private static async Task<List<Activity>> SpansOfAsync(ExportedSpans exported, ActivityTraceId traceId)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var trace = exported.Of(traceId);
            if (trace.Any(a => a.Kind == ActivityKind.Server)) return trace;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("the HTTP span of the request was not exported within 10 s");
    }
}
