using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PovertyGraph.GraphQL.Telemetry;

/// <summary>
/// The server's own metrics, on the meter <see cref="MeterName"/>: one small method per event, so that any layer
/// (HTTP limits, caches, the GraphQL execution) records what it sees with one call. HTTP requests, their latency
/// and status codes are not repeated here: ASP.NET Core's own <c>http.server.request.duration</c> has them.
/// Tag values are short lowercase words from the constants below, so every series stays few.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    public const string MeterName = "PovertyGraph";

    public const string OperationsInstrument = "povertygraph.graphql.operations";
    public const string OperationDurationInstrument = "povertygraph.graphql.operation.duration";
    public const string ErrorsInstrument = "povertygraph.graphql.errors";
    public const string RefusalsInstrument = "povertygraph.refusals";
    public const string CacheLookupsInstrument = "povertygraph.cache.lookups";

    public const string OperationTypeTag = "graphql.operation.type";
    public const string RoleTag = "povertygraph.role";
    public const string OutcomeTag = "povertygraph.outcome";
    public const string ErrorCodeTag = "graphql.error.code";
    public const string ReasonTag = "povertygraph.refusal.reason";
    public const string CacheTag = "povertygraph.cache";
    public const string CacheResultTag = "povertygraph.cache.result";

    /// <summary>Outcome of an operation: answered without errors, with errors, or refused by a limit.</summary>
    public const string OutcomeOk = "ok", OutcomeError = "error", OutcomeRefused = "refused";

    /// <summary>Why a request was refused (tag <see cref="ReasonTag"/>).</summary>
    public const string ReasonRateLimit = "rate_limit", ReasonCost = "cost", ReasonTimeout = "timeout",
        ReasonComplexity = "complexity", ReasonInvalidToken = "invalid_token";

    /// <summary>Which cache was asked (tag <see cref="CacheTag"/>).</summary>
    public const string CacheDocument = "document", CacheHttp = "http";

    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    private readonly bool _ownsMeter;
    private readonly Counter<long> _operations;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _cacheLookups;

    /// <summary>With the host's meter factory (the normal case): the meter lives and dies with the host.</summary>
    public ServerMetrics(IMeterFactory meterFactory) : this(meterFactory.Create(MeterName), ownsMeter: false)
    {
    }

    /// <summary>Without a host (commands, unit tests): a meter of its own.</summary>
    public ServerMetrics() : this(new Meter(MeterName), ownsMeter: true)
    {
    }

    private ServerMetrics(Meter meter, bool ownsMeter)
    {
        Meter = meter;
        _ownsMeter = ownsMeter;
        _operations = meter.CreateCounter<long>(OperationsInstrument, "{operation}", "GraphQL operations answered");
        _duration = meter.CreateHistogram(OperationDurationInstrument, "s", "Time to execute a GraphQL operation (parse, validate, run)",
            advice: SecondsBuckets);
        _errors = meter.CreateCounter<long>(ErrorsInstrument, "{error}", "Errors in GraphQL answers, by code");
        _refusals = meter.CreateCounter<long>(RefusalsInstrument, "{request}", "Requests refused by a limit, by reason");
        _cacheLookups = meter.CreateCounter<long>(CacheLookupsInstrument, "{lookup}", "Cache lookups, by cache and hit or miss");
    }

    public Meter Meter { get; }

    /// <summary>A GraphQL operation was answered: <paramref name="outcome"/> is one of the Outcome constants.</summary>
    public void OperationCompleted(string operationType, string role, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { OperationTypeTag, operationType }, { RoleTag, role }, { OutcomeTag, outcome } };
        _operations.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>An error in a GraphQL answer, by its <c>extensions.code</c>.</summary>
    public void Error(string? code) => _errors.Add(1, new KeyValuePair<string, object?>(ErrorCodeTag, code ?? "NONE"));

    /// <summary>
    /// A request refused by a limit (one of the Reason constants). A refusal that is a GraphQL error with a code of
    /// <see cref="RefusalReason"/> is counted by the operation recorder: call this only for refusals answered
    /// before GraphQL execution (a 429, a 401).
    /// </summary>
    public void Refused(string reason) => _refusals.Add(1, new KeyValuePair<string, object?>(ReasonTag, reason));

    public void CacheHit(string cache) => CacheLookup(cache, "hit");

    public void CacheMiss(string cache) => CacheLookup(cache, "miss");

    /// <summary>The refusal reason a GraphQL error code stands for, or null when the code is not a refusal.</summary>
    public static string? RefusalReason(string? errorCode) => errorCode switch
    {
        "COST_LIMIT_EXCEEDED" => ReasonCost,
        "TIMEOUT" => ReasonTimeout,
        "RATE_LIMITED" => ReasonRateLimit,
        "COMPLEXITY" or "MAX_DEPTH_EXCEEDED" or "FIELD_LIMIT_EXCEEDED" or "ALIAS_LIMIT_EXCEEDED" => ReasonComplexity,
        _ => null,
    };

    private void CacheLookup(string cache, string result) =>
        _cacheLookups.Add(1, new KeyValuePair<string, object?>(CacheTag, cache), new KeyValuePair<string, object?>(CacheResultTag, result));

    public void Dispose()
    {
        if (_ownsMeter) Meter.Dispose();
    }
}
