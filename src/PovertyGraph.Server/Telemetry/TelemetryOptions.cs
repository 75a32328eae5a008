namespace PovertyGraph.Server.Telemetry;

/// <summary>
/// The <c>Telemetry</c> configuration section. Where traces, metrics and logs are sent is configured the standard
/// OpenTelemetry way (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c>, …);
/// this section only says what to record and whether to serve a Prometheus scrape endpoint.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The standard variable that turns OTLP export on (traces, metrics and logs).</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Record traces (HTTP request → GraphQL operation → SQL statements). Default: on when an OTLP endpoint is configured.</summary>
    public bool? Traces { get; set; }

    public PrometheusOptions Prometheus { get; set; } = new();

    /// <summary>Whether traces are recorded, given whether OTLP export is configured.</summary>
    public bool TracesEnabled(bool otlp) => Traces ?? otlp;

    public static TelemetryOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Prometheus.Path.StartsWith('/'))
            throw new InvalidOperationException($"Telemetry:Prometheus:Path must start with '/' (got '{options.Prometheus.Path}').");
        return options;
    }
}
