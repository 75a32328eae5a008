using GraphQL.Validation;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// A validation rule that depends on the request (the caller, the argument values), so it runs on cached documents
/// too, and can check a request whose argument values were parsed earlier.
/// </summary>
public interface IReusedArgumentsRule : IValidationRule
{
    /// <summary>The errors of this request, given argument values parsed before (none: valid).</summary>
    ValueTask<IReadOnlyList<ValidationError>?> CheckAsync(ValidationOptions options, IValidationResult parsed);
}
