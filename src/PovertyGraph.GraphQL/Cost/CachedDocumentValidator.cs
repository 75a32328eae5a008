using GraphQL.Validation;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// GraphQL.NET walks a document with its type information whenever a request has any validation rule, even when no
/// rule visits the nodes. A cached document's only rule is <see cref="CostAnalysisRule"/>, which judges the parsed
/// arguments after that walk and needs nothing from it: this validator validates such a document with no rules
/// (variables are still coerced and arguments parsed) and judges its cost afterwards. Any other set of rules, and every
/// document not from the cache, is validated as GraphQL.NET does. The walk was about 4% of a village page's work.
/// </summary>
public sealed class CachedDocumentValidator(IDocumentValidator inner) : IDocumentValidator
{
    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (options.Rules is not { } rules || rules.FirstOrDefault() is not CostAnalysisRule cost || !rules.All(r => r is CostAnalysisRule))
            return inner.ValidateAsync(in options);
        var withoutRules = new ValidationOptions
        {
            Schema = options.Schema,
            Document = options.Document,
            Rules = [],
            UserContext = options.UserContext,
            Metrics = options.Metrics,
            Variables = options.Variables,
            Extensions = options.Extensions,
            Operation = options.Operation,
            RequestServices = options.RequestServices,
            User = options.User,
            CancellationToken = options.CancellationToken,
        };
        return JudgeAfterAsync(inner.ValidateAsync(in withoutRules), withoutRules, cost);
    }

    private static async Task<IValidationResult> JudgeAfterAsync(Task<IValidationResult> validating, ValidationOptions options, CostAnalysisRule cost)
    {
        var result = await validating;
        if (!result.IsValid) return result;
        var errors = cost.JudgeParsed(options.Schema, options.Document, options.Operation, options.Variables, result.ArgumentValues,
            options.RequestServices, options.UserContext);
        return errors.Count == 0 ? result : new ValidationResult(errors)
        {
            Variables = result.Variables, ArgumentValues = result.ArgumentValues, DirectiveValues = result.DirectiveValues,
        };
    }
}
