using PovertyGraph.GraphQL;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;
using PovertyGraph.GraphQL.Planning.Filters;

namespace PovertyGraph.Tests.Engine;

/// <summary>
/// The cell rule on its own: for a caller with protected statistics, a household or person aggregate's filter is accepted
/// exactly when every condition names one value of a groupBy dimension with <c>eq</c>, combined with <c>and</c>, whatever
/// the field, operator or relation. Every accepted filter is then a choice of at most one value per dimension, which is
/// what bounds the number of cells (docs/STATISTICS.md).
/// </summary>
public sealed class StatisticsRulesTests
{
    private static readonly EntityModel Model = ApiModel.Build();
    private static readonly EntityDescriptor Households = Model.ByName("Household")!;
    private static readonly EntityDescriptor Persons = Model.ByName("Person")!;

    /// <summary>
    /// The README's household dimensions, as the conditions that name one of their values: places by ID or name, the
    /// household's own enums, years and flags, and whether its village is a provincial-level poor village.
    /// </summary>
    private static readonly string[] HouseholdCellPaths =
    [
        "village.id", "village.name", "township.id", "township.name", "county.id", "county.name", "prefecture.id", "prefecture.name",
        "province.id", "province.name", "type", "primaryCause", "primaryMeasure", "hasLaborCapacity", "relocated", "registeredYear",
        "plannedExitYear", "village.provincialLevel",
    ];

    /// <summary>
    /// The person dimensions (README, "The statistics rule"): the places of the person's household, the person's sex,
    /// relationship and year of birth, and the household's planned exit year and type.
    /// </summary>
    private static readonly string[] PersonCellPaths =
    [
        "village.id", "village.name", "township.id", "township.name", "county.id", "county.name", "prefecture.id", "prefecture.name",
        "province.id", "province.name", "gender", "relationship", "birthYear", "household.plannedExitYear", "household.type",
    ];

    public static TheoryData<string> Types => new() { "Household", "Person" };

    [Theory]
    [MemberData(nameof(Types))]
    public void A_single_condition_is_accepted_exactly_when_it_names_one_value_of_a_dimension(string typeName)
    {
        var type = Model.ByName(typeName)!;
        var expected = typeName == "Household" ? HouseholdCellPaths : PersonCellPaths;
        var accepted = new List<string>();
        var tried = 0;
        foreach (var (path, kind) in Conditions(type))
        {
            foreach (var op in FilterConvention.For(kind).Select(o => o.Name))
            {
                tried++;
                if (Accepts(type, Condition(path, op))) accepted.Add($"{path}.{op}");
            }
        }

        Assert.True(tried > 50, $"only {tried} conditions tried");
        Assert.Equal(expected.Select(p => p + ".eq").Order(StringComparer.Ordinal), accepted.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Cells_combine_with_and_and_nothing_else()
    {
        var village = Condition("village.id", "eq");
        var type = Condition("type", "eq");
        Assert.True(Accepts(Households, Merge(village, type)));
        Assert.True(Accepts(Households, new Dictionary<string, object?> { ["and"] = new List<object?> { village, type } }));
        Assert.True(Accepts(Households, new Dictionary<string, object?> { ["village"] = new Dictionary<string, object?> { ["and"] = new List<object?> { Condition("id", "eq") } } }));
        Assert.True(Accepts(Households, new Dictionary<string, object?> { ["type"] = null, ["village"] = null }), "an explicit null is no condition");
        Assert.True(Accepts(Households, new Dictionary<string, object?> { ["primaryMeasure"] = new Dictionary<string, object?> { ["eq"] = null } }), "the unknown value is a value");

        Assert.False(Accepts(Households, new Dictionary<string, object?> { ["or"] = new List<object?> { village } }), "or, even of one cell");
        Assert.False(Accepts(Households, new Dictionary<string, object?> { ["and"] = new List<object?> { village, Condition("memberCount", "eq") } }));
        Assert.False(Accepts(Households, Condition("village.township.id", "eq")), "a place through another place");
        Assert.False(Accepts(Households, Condition("village.registered", "eq")), "a village attribute that is no dimension");
        Assert.False(Accepts(Households, new Dictionary<string, object?> { ["type"] = new Dictionary<string, object?> { ["eq"] = 1, ["neq"] = 2 } }));
        Assert.False(Accepts(Households, new Dictionary<string, object?> { ["members"] = new Dictionary<string, object?> { ["some"] = Condition("gender", "eq") } }));
        Assert.False(Accepts(Households, new Dictionary<string, object?> { ["members"] = new Dictionary<string, object?> { ["any"] = true } }));
        Assert.False(Accepts(Households, new Dictionary<string, object?> { ["village"] = new Dictionary<string, object?> { ["households"] = new Dictionary<string, object?> { ["any"] = true } } }));
        Assert.False(Accepts(Persons, Condition("household.village.id", "eq")), "persons have no dimension of their own");
    }

    [Fact]
    public void The_refusal_names_the_condition_what_is_allowed_and_why()
    {
        var error = Assert.IsType<QueryError>(Record.Exception(() =>
            StatisticsRules.EnsureCell(Model, Households, Condition("village.name", "in"), Viewer.Public)));
        Assert.Equal("PROTECTED_STATISTICS", error.Code);
        foreach (var part in new[] { "PUBLIC", "'Household.village.name.in'", "only 'eq'", "village, township, county, prefecture, province", "village.provincialLevel", "totalCount", "differ" })
            Assert.Contains(part, error.Message);
        // Dimensions the caller cannot filter on at all are not offered.
        Assert.DoesNotContain("primaryCause", error.Message);
        var ngo = Assert.IsType<QueryError>(Record.Exception(() =>
            StatisticsRules.EnsureCell(Model, Persons, Condition("gender", "neq"), new Viewer(Role.Ngo, "n", "org", new HashSet<int> { 1 }))));
        Assert.Contains("NGO", ngo.Message);
        Assert.Contains("'Person.gender.neq'", ngo.Message);
    }

    private static bool Accepts(EntityDescriptor type, IDictionary<string, object?> where)
    {
        try
        {
            StatisticsRules.EnsureCell(Model, type, where, Viewer.Public);
            return true;
        }
        catch (QueryError e) when (e.Code == "PROTECTED_STATISTICS" || e.Message.Contains("row IDs", StringComparison.Ordinal))
        {
            return false;
        }
    }

    /// <summary>Every filterable field of the type and of the types its to-one relations reach (one step), with its kind.</summary>
    private static IEnumerable<(string Path, ScalarKind Kind)> Conditions(EntityDescriptor type)
    {
        foreach (var f in type.PublicFields.Where(f => f.Filterable)) yield return (f.Name, f.Kind);
        foreach (var r in type.ToOne)
            foreach (var f in Model.For(r.Target).PublicFields.Where(f => f.Filterable)) yield return ($"{r.Name}.{f.Name}", f.Kind);
    }

    /// <summary>{ a: { b: { op: value } } } for the path a.b.</summary>
    private static IDictionary<string, object?> Condition(string path, string op)
    {
        object? operand = op is "in" or "nin" ? new List<object?> { 1 } : 1;
        IDictionary<string, object?> node = new Dictionary<string, object?> { [op] = operand };
        foreach (var part in path.Split('.').Reverse()) node = new Dictionary<string, object?> { [part] = node };
        return node;
    }

    private static Dictionary<string, object?> Merge(params IDictionary<string, object?>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);
}
