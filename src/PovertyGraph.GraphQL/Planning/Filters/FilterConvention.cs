using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary>
/// The filter operations of the API, one line each, in the order a condition input lists them. Which operations a
/// field offers follows from the kinds each operation applies to. Adding an operation: its class, and a line here.
/// </summary>
public static class FilterConvention
{
    public static readonly IReadOnlyList<FilterOperation> Operations =
    [
        new EqualsOperation(),
        new NotEqualsOperation(),
        new InOperation(),
        new NotInOperation(),
        new ContainsOperation(),
        new NotContainsOperation(),
        new StartsWithOperation(),
        new NotStartsWithOperation(),
        new EndsWithOperation(),
        new NotEndsWithOperation(),
        new GreaterThanOperation(),
        new NotGreaterThanOperation(),
        new GreaterThanOrEqualOperation(),
        new NotGreaterThanOrEqualOperation(),
        new LessThanOperation(),
        new NotLessThanOperation(),
        new LessThanOrEqualOperation(),
        new NotLessThanOrEqualOperation(),
    ];

    private static readonly Dictionary<ScalarKind, IReadOnlyList<FilterOperation>> ByKind =
        FilterKinds.All.ToDictionary(kind => kind, kind => (IReadOnlyList<FilterOperation>)Operations.Where(o => o.AppliesTo(kind)).ToList());

    /// <summary>The operations a field of this kind offers, in schema order.</summary>
    public static IReadOnlyList<FilterOperation> For(ScalarKind kind) => ByKind[kind];

    /// <summary>The operation a field of this kind offers under <paramref name="name"/>, or null.</summary>
    public static FilterOperation? Find(ScalarKind kind, string name)
    {
        foreach (var operation in ByKind[kind])
            if (operation.Name == name) return operation;
        return null;
    }
}
