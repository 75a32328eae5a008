using GraphQL.Validation;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// GraphQL.NET's validator, which also parses every argument of the operation after variables. Planning reads the
/// argument values of any field of the operation (a connection plans its nested pages and aggregates with it), so the
/// request's runtime keeps the table.
/// </summary>
public sealed class ArgumentTableValidator : IDocumentValidator
{
    private readonly DocumentValidator _inner = new();

    public async Task<IValidationResult> ValidateAsync(ValidationOptions options)
    {
        var result = await _inner.ValidateAsync(options).ConfigureAwait(false);
        if (result.IsValid && options.UserContext.TryGetValue(RequestRuntime.Key, out var runtime) && runtime is QueryRuntime queryRuntime)
            queryRuntime.Arguments = result.ArgumentValues;
        return result;
    }

    Task<IValidationResult> IDocumentValidator.ValidateAsync(in ValidationOptions options) => ValidateAsync(options);
}
