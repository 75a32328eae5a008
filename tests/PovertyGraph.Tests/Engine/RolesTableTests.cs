using System.Text.RegularExpressions;
using PovertyGraph.GraphQL;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.Tests.Engine;

/// <summary>The README's roles table says what the declarations and the role matrix do, cell by cell.</summary>
public sealed class RolesTableTests
{
    private static readonly EntityModel Model = ApiModel.Build();

    /// <summary>The table's rows: first cell, then one cell per column (PUBLIC, RESEARCHER, NGO partner, NGO elsewhere, OFFICIAL/ADMIN).</summary>
    private static List<string[]> Rows()
    {
        var readme = File.ReadAllLines(Path.Combine(Data.DataTestSupport.RepositoryRoot, "README.md"));
        var header = Array.FindIndex(readme, l => l.StartsWith("| field | PUBLIC | RESEARCHER | NGO, partner villages | NGO, elsewhere | OFFICIAL, ADMIN |", StringComparison.Ordinal));
        Assert.True(header >= 0, "the README has the roles table");
        return readme.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
    }

    /// <summary>What a cell says, as a level: "masked: `王*`" and "year only" are masked forms.</summary>
    private static AccessLevel Level(string cell) => cell switch
    {
        "full" => AccessLevel.Full,
        "hidden" => AccessLevel.Hidden,
        _ when cell.StartsWith("masked", StringComparison.Ordinal) || cell.StartsWith("year only", StringComparison.Ordinal) => AccessLevel.Masked,
        _ => throw new InvalidOperationException($"unknown cell '{cell}'"),
    };

    /// <summary>`headName`, `Person.name` → (Household, headName), (Person, name): unqualified names are household fields.</summary>
    private static IEnumerable<(EntityDescriptor Type, ScalarField Field)> Fields(string cell) =>
        Regex.Matches(cell, "`([^`]+)`").Select(m => m.Groups[1].Value.Split('.')).Select(parts =>
        {
            var type = Model.ByName(parts.Length == 2 ? parts[0] : "Household")!;
            return (type, type.Field(parts[^1]));
        });

    private static (AccessLevel, AccessLevel, AccessLevel, AccessLevel, AccessLevel, AccessLevel) Declared(EntityDescriptor type, ScalarField field)
    {
        var ngo = AccessRules.LevelsFor(type, field, new Viewer(Role.Ngo));
        return (AccessRules.LevelsFor(type, field, new Viewer(Role.Public)).InScope, AccessRules.LevelsFor(type, field, new Viewer(Role.Researcher)).InScope,
            ngo.InScope, ngo.OutOfScope, AccessRules.LevelsFor(type, field, new Viewer(Role.Official)).InScope, AccessRules.LevelsFor(type, field, new Viewer(Role.Admin)).InScope);
    }

    [Fact]
    public void Every_field_row_is_what_the_declarations_give()
    {
        var named = new HashSet<ScalarField>();
        var fieldRows = Rows().Where(r => r[0].StartsWith('`') && r[0] != "`auditEntries`").ToList();
        Assert.Equal(6, fieldRows.Count);
        foreach (var row in fieldRows)
        {
            foreach (var (type, field) in Fields(row[0]))
            {
                named.Add(field);
                var expected = (Level(row[1]), Level(row[2]), Level(row[3]), Level(row[4]), Level(row[5]), Level(row[5]));
                Assert.Equal(expected, Declared(type, field));
            }
        }
        // "everything else: full" for every role: every public field the table does not name.
        Assert.Equal("everything else", Rows()[^1][0]);
        Assert.All(Rows()[^1][1..], cell => Assert.Equal("full", cell));
        foreach (var type in Model.All)
        {
            foreach (var field in type.PublicFields.Where(f => !named.Contains(f)))
                Assert.Equal((AccessLevel.Full, AccessLevel.Full, AccessLevel.Full, AccessLevel.Full, AccessLevel.Full, AccessLevel.Full), Declared(type, field));
        }

        Assert.Equal(Model.All.SelectMany(t => t.Fields).Where(f => f.IsPersonal).ToHashSet(), named);
    }

    [Fact]
    public void The_statistics_and_audit_rows_are_what_the_declarations_give()
    {
        var aggregates = Rows().Single(r => r[0] == "household and person aggregates");
        var roles = new[] { Role.Public, Role.Researcher, Role.Ngo, Role.Ngo, Role.Official };
        var protectedTypes = Model.All.Where(t => t.ProtectedStatistics).Select(t => t.Name).Order().ToList();
        Assert.Equal(["Household", "Person"], protectedTypes);
        for (var i = 0; i < roles.Length; i++)
        {
            foreach (var type in Model.All.Where(t => t.ProtectedStatistics))
                Assert.Equal(aggregates[i + 1] == "protected", AccessRules.ProtectsStatistics(type, new Viewer(roles[i])));
        }

        Assert.False(AccessRules.ProtectsStatistics(Model.ByName("Household")!, new Viewer(Role.Admin)));

        var audit = Rows().Single(r => r[0] == "`auditEntries`");
        var entries = Model.ByName("AuditEntry")!;
        Assert.All(audit[1..5], cell => Assert.Equal("—", cell));
        Assert.Equal("ADMIN only", audit[5]);
        Assert.All(new[] { Role.Public, Role.Researcher, Role.Ngo, Role.Official }, role => Assert.False(AccessRules.MayRead(entries, new Viewer(role))));
        Assert.True(AccessRules.MayRead(entries, new Viewer(Role.Admin)));
    }
}
