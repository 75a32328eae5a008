using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using PovertyGraph.GraphQL.Telemetry;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// Parsed and validated documents by query text, so a query sent again (the normal case: clients send the same
/// documents with new variables) skips parsing and validation. Only documents that passed validation are kept,
/// and none of our validation rules depend on variables or the caller. Bounded by the total length of the cached
/// query texts; when full, the cache is emptied and refills with what is asked for next.
/// </summary>
public sealed class DocumentCache(DocumentCacheOptions options, ServerMetrics? metrics = null) : IConfigureExecution
{
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private long _size;

    public float SortOrder => 200; // after the options configurations (validation rules) have run

    public int Count => _documents.Count;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions execution, ExecutionDelegate next)
    {
        var query = execution.Query;
        if (execution.Document != null || query == null || query.Length > options.MaxQueryLength) return await next(execution);

        var cached = _documents.TryGetValue(query, out var document);
        if (cached) metrics?.CacheHit(ServerMetrics.CacheDocument); else metrics?.CacheMiss(ServerMetrics.CacheDocument);
        if (cached)
        {
            execution.Document = document;
            execution.ValidationRules = execution.CachedDocumentValidationRules ?? Array.Empty<IValidationRule>();
        }
        var result = await next(execution);
        if (!cached && result.Executed && result.Document != null) Add(query, result.Document);
        return result;
    }

    private void Add(string query, GraphQLDocument document)
    {
        if (Interlocked.Add(ref _size, query.Length) > options.MaxTotalLength)
        {
            _documents.Clear();
            Interlocked.Exchange(ref _size, query.Length);
        }
        _documents.TryAdd(query, document);
    }
}

/// <summary>Bound from the "DocumentCache" configuration section.</summary>
public sealed class DocumentCacheOptions
{
    public const string Section = "DocumentCache";
    /// <summary>Total length of the cached query texts (the parsed documents take roughly ten times that).</summary>
    public long MaxTotalLength { get; set; } = 2_000_000;
    /// <summary>Longer queries are not cached.</summary>
    public int MaxQueryLength { get; set; } = 20_000;
}
