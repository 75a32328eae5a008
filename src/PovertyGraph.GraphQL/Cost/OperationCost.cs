namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// What an operation would cost, computed from the document before anything runs. Fields and aliases count a
/// fragment's selections wherever it is spread; depth is the deepest nesting of fields.
/// </summary>
/// <param name="Points">Cost points (see the README's cost model).</param>
/// <param name="PersonalData">Whether the answer can contain any row of a type that describes persons (any field of
/// a household or person, even masked or hidden): such answers are never cached in shared caches.</param>
/// <param name="Complete">False when the analysis stopped early because the document expands to far more fields than
/// allowed; the figures are then lower bounds.</param>
public sealed record OperationCost(double Points, double FieldCount, double AliasCount, int Depth, bool PersonalData, bool Complete = true)
{
    /// <summary>The points as a whole number, saturating (exponential documents cost more than a long holds).</summary>
    public long Requested => Saturate(Points);

    public long Fields => Saturate(FieldCount);

    public long Aliases => Saturate(AliasCount);

    private static long Saturate(double value) => value >= long.MaxValue ? long.MaxValue : (long)Math.Ceiling(value);
}
