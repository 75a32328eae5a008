using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PovertyGraph.Tests.Operations;

/// <summary>
/// With the standard OpenTelemetry variables set, traces, metrics and logs reach an OTLP collector: here a small
/// HTTP receiver on a loopback port that keeps what it is sent (OTLP/HTTP, protobuf).
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Traces_metrics_and_logs_are_exported_over_otlp_when_the_endpoint_is_configured()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        receiverBuilder.Logging.ClearProviders();
        await using var receiver = receiverBuilder.Build();
        receiver.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((context.Request.Path.Value!, body.ToArray()));
            return Results.Ok();
        });
        await receiver.StartAsync();
        var endpoint = receiver.Urls.Single();

        await using var factory = new OperationsFactory("otlp", new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            ["OTEL_SERVICE_NAME"] = "povertygraph-otlp-test",
        });
        await factory.QueryAsync("query OtlpProbe { counties(first: 1) { totalCount } }");
        var (status, _) = await factory.PostAsync("{ __typename }", token: "not-a-token"); // logs "Bearer token rejected"
        Assert.Equal(401, status);

        bool Has(string path, string text) =>
            received.Any(r => r.Path == path && Contains(r.Body, text) && Contains(r.Body, "povertygraph-otlp-test"));
        for (var attempt = 0; attempt < 300 && !(Has("/v1/traces", "OtlpProbe") && Has("/v1/metrics", "povertygraph.graphql.operations")
                                                 && Has("/v1/logs", "Bearer token rejected")); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(Has("/v1/traces", "OtlpProbe"), "no trace with the operation's name: " + Summary(received));
        Assert.True(Has("/v1/metrics", "povertygraph.graphql.operations"), "no metrics: " + Summary(received));
        Assert.True(Has("/v1/logs", "Bearer token rejected"), "no log record: " + Summary(received));
        await receiver.StopAsync();
    }

    /// <summary>Protobuf keeps strings as UTF-8 bytes, so a name is found in the raw message.</summary>
    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static string Summary(IEnumerable<(string Path, byte[] Body)> received) =>
        string.Join(", ", received.GroupBy(r => r.Path).Select(g => $"{g.Key} ×{g.Count()}"));
}
