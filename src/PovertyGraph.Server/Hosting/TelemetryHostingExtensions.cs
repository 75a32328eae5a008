using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PovertyGraph.GraphQL.Telemetry;
using PovertyGraph.Server.Telemetry;

namespace PovertyGraph.Server.Hosting;

/// <summary>
/// Traces, metrics, logs and request IDs (docs/OPERATIONS.md has every span, metric and attribute).
/// <list type="bullet">
/// <item>Traces: the HTTP request (ASP.NET Core) → the GraphQL operation (GraphQL.NET) → each SQL statement (EF Core),
/// recorded when <c>Telemetry:Traces</c> is true or an OTLP endpoint is configured.</item>
/// <item>Metrics: <see cref="ServerMetrics"/> and ASP.NET Core's HTTP meters, exported over OTLP and/or served for
/// Prometheus (<c>Telemetry:Prometheus:Enabled</c>).</item>
/// <item>OTLP export of all three when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</item>
/// <item>Every response carries <c>X-Request-Id</c>; every GraphQL error <c>extensions.requestId</c>.</item>
/// </list>
/// Call after AddPovertyGraphApi: it replaces the GraphQL error formatting that one registers.
/// </summary>
public static class TelemetryHostingExtensions
{
    public const string ServiceName = "povertygraph";

    public static IHostApplicationBuilder AddPovertyGraphTelemetry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = TelemetryOptions.From(builder.Configuration);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[TelemetryOptions.OtlpEndpointKey]);
        var traces = options.TracesEnabled(otlp);
        services.AddSingleton(options);

        // JSON log lines keep Chinese text readable (names of places, messages); HTML-sensitive characters stay escaped.
        services.Configure<JsonConsoleFormatterOptions>(json => json.JsonWriterOptions = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            Indented = json.JsonWriterOptions.Indented,
        });
        services.AddHttpContextAccessor();
        services.RemoveAll<IErrorInfoProvider>();
        services.AddSingleton<IErrorInfoProvider, RequestIdErrorInfoProvider>();
        services.AddSingleton<IConfigureExecution, OperationMetrics>();
        if (traces) services.AddSingleton<IConfigureExecution>(_ => GraphQLOperationTracing.Create());

        if (!traces && !otlp && !options.Prometheus.Enabled) return builder;
        var telemetry = services.AddOpenTelemetry();
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
            telemetry.ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(TelemetryHostingExtensions).Assembly.GetName().Version?.ToString()));
        if (traces)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(http =>
                {
                    http.Filter = context => !IsOperationsEndpoint(context.Request.Path, options);
                    http.EnrichWithHttpRequest = (activity, request) => activity.SetTag(RequestIdMiddleware.SpanAttribute, request.HttpContext.TraceIdentifier);
                })
                .AddSource(GraphQLOperationTracing.SourceName)
                .AddEntityFrameworkCoreInstrumentation());
        }
        if (otlp || options.Prometheus.Enabled)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter(ServerMetrics.MeterName).AddAspNetCoreInstrumentation().AddMeter("System.Runtime");
                if (options.Prometheus.Enabled) metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeEndpointPath = options.Prometheus.Path);
            });
        }
        if (otlp)
        {
            telemetry.WithLogging(configureBuilder: null, configureOptions: logging =>
            {
                logging.IncludeScopes = true;
                logging.IncludeFormattedMessage = true;
            });
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>The request ID header on every response, and the Prometheus endpoint when enabled. Call first.</summary>
    public static WebApplication UsePovertyGraphTelemetry(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (options.Prometheus.Enabled) app.MapPrometheusScrapingEndpoint(options.Prometheus.Path);
        return app;
    }

    /// <summary>Health probes and scrapes are frequent and say nothing about the API: they are not traced.</summary>
    private static bool IsOperationsEndpoint(PathString path, TelemetryOptions options) =>
        path.StartsWithSegments("/health") || (options.Prometheus.Enabled && path.StartsWithSegments(options.Prometheus.Path));
}
