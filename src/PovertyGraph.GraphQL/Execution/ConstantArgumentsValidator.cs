using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// GraphQL.NET's validator, which also parses every argument of the operation into typed values, on every request.
/// A cached document (already validated: <see cref="DocumentCache"/> runs only the per-request rules on it) whose
/// operation declares no variables has the same argument values every time, so they are parsed once per operation node
/// and reused; the per-request rules (<see cref="IReusedArgumentsRule"/>) then check the request against them. Each
/// request gets its own copy of the lookup tables, because execution adds entries to them when it merges fields.
/// Anything else (first sight, other rules to run, variables) is validated in full.
/// </summary>
public sealed class ConstantArgumentsValidator : IDocumentValidator
{
    private readonly DocumentValidator _inner = new();
    // Keyed by the cached document's own node: an entry lives as long as the document stays in the cache.
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, IValidationResult> _results = new();

    /// <summary>Raised when a request reuses parsed arguments instead of parsing them again (a seam for tests).</summary>
    public event Action? ArgumentsReused;

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        // A cached document runs only the per-request rules; the full rule set always includes GraphQL.NET's core rules.
        var constant = options.Rules != null && options.Rules.All(rule => rule is IReusedArgumentsRule) && options.Operation.Variables is not { Items.Count: > 0 };
        if (!constant) return _inner.ValidateAsync(options);
        if (_results.TryGetValue(options.Operation, out var parsed))
        {
            ArgumentsReused?.Invoke();
            var rules = options.Rules!.ToList();
            return rules.Count == 0 ? Task.FromResult<IValidationResult>(Copy(parsed)) : CheckAsync(options, rules, Copy(parsed));
        }
        return ParseOnceAsync(options.Operation, _inner.ValidateAsync(options));
    }

    private static async Task<IValidationResult> CheckAsync(ValidationOptions options, List<IValidationRule> rules, ValidationResult parsed)
    {
        List<ValidationError>? errors = null;
        foreach (var rule in rules)
            if (await ((IReusedArgumentsRule)rule).CheckAsync(options, parsed).ConfigureAwait(false) is { Count: > 0 } found)
                (errors ??= []).AddRange(found);
        return errors == null ? parsed : new ValidationResult(errors);
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
