namespace PovertyGraph.Server.Telemetry;

/// <summary>The <c>Telemetry:Prometheus</c> section: an optional scrape endpoint for the server's metrics.</summary>
public sealed class PrometheusOptions
{
    /// <summary>Serve the metrics in Prometheus' text format (default false).</summary>
    public bool Enabled { get; set; }

    /// <summary>Where (default <c>/metrics</c>).</summary>
    public string Path { get; set; } = "/metrics";
}
