using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.GraphQL.Telemetry;
using static PovertyGraph.GraphQL.Telemetry.ServerMetrics;

namespace PovertyGraph.Tests.Operations;

/// <summary>What one request records in the server's metrics, and the Prometheus scrape endpoint.</summary>
[Collection(ApiCollection.Name)]
public sealed class MetricsTests(PovertyGraphFactory factory)
{
    [Fact]
    public async Task An_answered_operation_is_counted_and_timed_with_its_type_role_and_outcome()
    {
        using var log = new MeasurementLog(factory.Services.GetRequiredService<ServerMetrics>().Meter);
        var query = $"{{ counties(first: 2) {{ totalCount }} }} # {Guid.NewGuid()}";
        await factory.QueryAsync(query, token: Tokens.Official);

        Assert.Equal(1, log.Sum(OperationsInstrument));
        Assert.Equal(1, log.Sum(OperationsInstrument, (OperationTypeTag, "query"), (RoleTag, "official"), (OutcomeTag, OutcomeOk)));
        var duration = Assert.Single(log.Of(OperationDurationInstrument, (OperationTypeTag, "query"), (RoleTag, "official")));
        Assert.InRange(duration, 1e-7, 60);
        Assert.Empty(log.Of(ErrorsInstrument));
        Assert.Empty(log.Of(RefusalsInstrument));
    }

    [Fact]
    public async Task A_repeated_document_is_a_document_cache_miss_then_a_hit()
    {
        using var log = new MeasurementLog(factory.Services.GetRequiredService<ServerMetrics>().Meter);
        var query = $"{{ counties(first: 1) {{ totalCount }} }} # {Guid.NewGuid()}";
        await factory.QueryAsync(query);
        Assert.Equal(1, log.Sum(CacheLookupsInstrument, (CacheTag, CacheDocument), (CacheResultTag, "miss")));
        Assert.Equal(0, log.Sum(CacheLookupsInstrument, (CacheTag, CacheDocument), (CacheResultTag, "hit")));
        await factory.QueryAsync(query);
        await factory.QueryAsync(query);
        Assert.Equal(1, log.Sum(CacheLookupsInstrument, (CacheTag, CacheDocument), (CacheResultTag, "miss")));
        Assert.Equal(2, log.Sum(CacheLookupsInstrument, (CacheTag, CacheDocument), (CacheResultTag, "hit")));
    }

    [Fact]
    public async Task Errors_are_counted_by_code_and_refusals_by_reason()
    {
        using var log = new MeasurementLog(factory.Services.GetRequiredService<ServerMetrics>().Meter);
        var (_, invalid) = await factory.PostAsync("{ noSuchField }");
        var code = invalid["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();
        Assert.Equal(1, log.Sum(ErrorsInstrument, (ErrorCodeTag, code)));
        Assert.Equal(1, log.Sum(OperationsInstrument, (RoleTag, "public"), (OutcomeTag, OutcomeError)));

        var (status, _) = await factory.PostAsync("{ __typename }", token: Tokens.Expired());
        Assert.Equal(401, status);
        Assert.Equal(1, log.Sum(RefusalsInstrument, (ReasonTag, ReasonInvalidToken)));
        Assert.Equal(1, log.Sum(OperationsInstrument)); // the refused request never reached GraphQL
    }

    [Fact]
    public async Task An_operation_refused_by_a_limit_counts_as_a_refusal_with_its_reason()
    {
        using var log = new MeasurementLog(factory.Services.GetRequiredService<ServerMetrics>().Meter);
        var tooDeep = "{ __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 30)) + "{ name }"
                      + string.Concat(Enumerable.Repeat(" }", 30)) + " } } } }";
        var (_, body) = await factory.PostAsync(tooDeep);
        Assert.Equal("MAX_DEPTH_EXCEEDED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(1, log.Sum(RefusalsInstrument, (ReasonTag, ReasonComplexity)));
        Assert.Equal(1, log.Sum(OperationsInstrument, (OutcomeTag, OutcomeRefused)));
    }

    [Fact]
    public async Task Prometheus_serves_the_server_metrics_and_the_http_ones_when_enabled()
    {
        await using var prometheus = new OperationsFactory("prometheus", new Dictionary<string, string?>
        {
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["Telemetry:Prometheus:Path"] = "/internal/metrics",
        });
        await prometheus.QueryAsync("query Probe { counties(first: 1) { totalCount } }");
        using var client = prometheus.CreateClient();
        using var response = await client.GetAsync("/internal/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Matches("""povertygraph_graphql_operations_total\{[^}]*graphql_operation_type="query"[^}]*povertygraph_outcome="ok"[^}]*povertygraph_role="public"[^}]*\} 1""", text);
        Assert.Contains("povertygraph_graphql_operation_duration_seconds_bucket{", text);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);

        // Off by default: the shared server has no such endpoint.
        using var shared = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await shared.GetAsync("/metrics")).StatusCode);
    }
}
