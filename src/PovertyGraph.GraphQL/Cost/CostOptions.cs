using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>Bound from the "Cost" configuration section: budgets per role and limits per operation (see the README's cost model).</summary>
public sealed class CostOptions
{
    public const string Section = "Cost";

    /// <summary>Most cost points one operation may have, per role; PUBLIC the smallest.</summary>
    public PerRole<long> Budgets { get; set; } = new()
    {
        Public = 25_000, Researcher = 250_000, Ngo = 250_000, Official = 1_000_000, Admin = 1_000_000,
    };

    /// <summary>Most field selections one operation may have, counting a fragment's fields wherever it is spread.</summary>
    public int MaxFields { get; set; } = 2_000;

    /// <summary>Most aliased field selections one operation may have, counted the same way.</summary>
    public int MaxAliases { get; set; } = 200;

    /// <summary>Rows an aggregate, grouping or total reads for one cost point (a returned row is one point).</summary>
    public double RowsPerScanPoint { get; set; } = 100;

    /// <summary>How often the table statistics look for an import made since they were read, in seconds (0: never; TableStatistics).</summary>
    public int StatisticsCheckSeconds { get; set; } = 60;

    /// <summary>Distinct values assumed for a year or number dimension of a grouping.</summary>
    public int YearCardinality { get; set; } = 10;

    /// <summary>
    /// Points of fields the model cannot estimate, by <c>Type.field</c>: <c>dataset</c> counts the rows of every table.
    /// </summary>
    public Dictionary<string, long> FieldPoints { get; set; } = new(StringComparer.Ordinal) { ["Query.dataset"] = 2_000 };

    /// <summary>The configuration problems, if any.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (role, budget) in Budgets.All)
            if (budget <= 0) problems.Add($"{Section}:Budgets:{role} must be positive.");
        if (MaxFields <= 0) problems.Add($"{Section}:MaxFields must be positive.");
        if (MaxAliases < 0) problems.Add($"{Section}:MaxAliases must not be negative.");
        if (RowsPerScanPoint < 1) problems.Add($"{Section}:RowsPerScanPoint must be at least 1.");
        if (YearCardinality < 1) problems.Add($"{Section}:YearCardinality must be at least 1.");
        if (StatisticsCheckSeconds < 0) problems.Add($"{Section}:StatisticsCheckSeconds must not be negative.");
        foreach (var (field, points) in FieldPoints)
            if (points < 0) problems.Add($"{Section}:FieldPoints:{field} must not be negative.");
        return problems;
    }
}
