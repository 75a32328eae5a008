using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// GraphQL.NET's validator, which also parses every argument of the operation into typed values, on every request.
/// A cached document (already validated: <see cref="DocumentCache"/> runs no rules on it) whose operation declares no
/// variables has the same argument values every time, so they are parsed once per operation node and reused. Each
/// request gets its own copy of the lookup tables, because execution adds entries to them when it merges fields.
/// Anything else (first sight, rules to run, variables) is validated in full.
/// </summary>
public sealed class ConstantArgumentsValidator(bool keepArguments = true) : IDocumentValidator
{
    private readonly DocumentValidator _inner = new();
    // Keyed by the cached document's own node: an entry lives as long as the document stays in the cache.
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, IValidationResult> _results = new();

    public async Task<IValidationResult> ValidateAsync(ValidationOptions options)
    {
        var result = await Validate(options).ConfigureAwait(false);
        // Planning reads the argument values of any field of the operation (a connection plans its nested pages and
        // aggregates with it), so the request's runtime keeps the table.
        if (result.IsValid && options.UserContext.TryGetValue(RequestRuntime.Key, out var runtime) && runtime is QueryRuntime queryRuntime)
            queryRuntime.Arguments = result.ArgumentValues;
        return result;
    }

    Task<IValidationResult> IDocumentValidator.ValidateAsync(in ValidationOptions options) => ValidateAsync(options);

    private Task<IValidationResult> Validate(ValidationOptions options)
    {
        var constant = keepArguments && options.Rules is ICollection<IValidationRule> { Count: 0 } && options.Operation.Variables is not { Items.Count: > 0 };
        if (!constant) return _inner.ValidateAsync(options);
        if (_results.TryGetValue(options.Operation, out var parsed))
        {
            EngineEvents.Write(EngineEvents.ArgumentsReused, options.Operation);
            return Task.FromResult<IValidationResult>(Copy(parsed));
        }
        return ParseOnceAsync(options.Operation, _inner.ValidateAsync(options));
    }

    private async Task<IValidationResult> ParseOnceAsync(GraphQLOperationDefinition operation, Task<IValidationResult> validation)
    {
        var result = await validation.ConfigureAwait(false);
        if (!result.IsValid) return result;
        _results.AddOrUpdate(operation, Copy(result));
        return result;
    }

    private static ValidationResult Copy(IValidationResult result) => new()
    {
        Variables = result.Variables,
        ArgumentValues = result.ArgumentValues == null ? null : new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>(result.ArgumentValues),
        DirectiveValues = result.DirectiveValues == null ? null : new Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>(result.DirectiveValues),
    };
}
