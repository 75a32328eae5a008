using BitFaster.Caching.Lru;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using PovertyGraph.GraphQL.Telemetry;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// Parsed and validated documents by query text, so a query sent again (the normal case: clients send the same
/// documents with new variables) skips parsing and the rules that do not depend on the request. Only documents that
/// passed validation are kept. The rules that do depend on the request (cost against the caller's budget) are GraphQL.NET's
/// cached-document rules and still run. Bounded: the least recently used documents go first (BitFaster.Caching).
/// </summary>
public sealed class DocumentCache(DocumentCacheOptions options, ServerMetrics? metrics = null) : IConfigureExecution
{
    private readonly ConcurrentLru<string, GraphQLDocument> _documents = options.Capacity >= 3
        ? new(Environment.ProcessorCount, options.Capacity, StringComparer.Ordinal)
        : throw new InvalidOperationException($"{DocumentCacheOptions.Section}:Capacity must be at least 3.");

    public float SortOrder => 200; // after the options configurations (validation rules) have run

    /// <summary>Documents held now.</summary>
    public int Count => _documents.Count;

    /// <summary>Raised when a request runs a document from the cache (a seam for metrics and tests).</summary>
    public event Action? Hit;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions execution, ExecutionDelegate next)
    {
        var query = execution.Query;
        if (execution.Document != null || query == null || query.Length > options.MaxQueryLength) return await next(execution);

        var cached = _documents.TryGet(query, out var document);
        if (cached) metrics?.CacheHit(ServerMetrics.CacheDocument); else metrics?.CacheMiss(ServerMetrics.CacheDocument);
        if (cached)
        {
            execution.Document = document;
            execution.ValidationRules = execution.CachedDocumentValidationRules ?? Array.Empty<IValidationRule>();
            Hit?.Invoke();
        }
        var result = await next(execution);
        if (!cached && result.Executed && result.Document != null) _documents.AddOrUpdate(query, result.Document);
        return result;
    }
}
