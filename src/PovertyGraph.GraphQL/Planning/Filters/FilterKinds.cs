using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary>The sets of scalar kinds filter operations apply to.</summary>
public static class FilterKinds
{
    public static readonly IReadOnlySet<ScalarKind> All = Enum.GetValues<ScalarKind>().ToHashSet();

    /// <summary>Kinds whose values can be listed (a flag has only two: eq says it all).</summary>
    public static readonly IReadOnlySet<ScalarKind> Listable = All.Where(k => k != ScalarKind.Boolean).ToHashSet();

    /// <summary>Kinds with an order worth comparing in a filter: numbers, amounts, dates and times.</summary>
    public static readonly IReadOnlySet<ScalarKind> Ordered = new HashSet<ScalarKind>
        { ScalarKind.Int, ScalarKind.Money, ScalarKind.Date, ScalarKind.PartialDate, ScalarKind.DateTime };

    public static readonly IReadOnlySet<ScalarKind> Text = new HashSet<ScalarKind> { ScalarKind.String };
}
