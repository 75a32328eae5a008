using System.Linq.Expressions;
using PovertyGraph.Domain;

namespace PovertyGraph.GraphQL.Access;

/// <summary>
/// The masking policy of API.md, as one table: (type, field) → level per role. For NGO callers a field has
/// two levels, one for rows in the organisation's partner villages and one elsewhere. Fields not in the
/// table are FULL for everyone. The query machinery asks this class, and only this class.
/// </summary>
public static class AccessPolicy
{
    // Columns: Public, Researcher, NGO in partner villages, NGO elsewhere, Official, Admin.
    private static readonly Dictionary<(string Type, string Field), AccessLevel[]> Table = new()
    {
        [("Household", "headName")] = [Masked, Hidden, Full, Masked, Full, Full],
        [("Person", "name")] = [Masked, Hidden, Full, Masked, Full, Full],
        [("Household", "headIdNumber")] = [Hidden, Hidden, Masked, Hidden, Full, Full],
        [("Person", "idNumber")] = [Hidden, Hidden, Masked, Hidden, Full, Full],
        [("Household", "phone")] = [Hidden, Hidden, Full, Hidden, Full, Full],
        // "year only" is the masked form of a birth date.
        [("Person", "birthDate")] = [Masked, Masked, Full, Masked, Full, Full],
        [("Household", "primaryCause")] = [Hidden, Full, Full, Hidden, Full, Full],
        [("Household", "annualIncomePerCapita")] = [Hidden, Full, Full, Hidden, Full, Full],
    };

    private const AccessLevel Full = AccessLevel.Full, Masked = AccessLevel.Masked, Hidden = AccessLevel.Hidden;

    /// <summary>Fields whose FULL disclosure is written to the audit log.</summary>
    public static readonly IReadOnlySet<(string Type, string Field)> Identifiers = new HashSet<(string, string)>
    {
        ("Household", "headName"), ("Person", "name"), ("Household", "headIdNumber"), ("Person", "idNumber"), ("Household", "phone"),
    };

    public static bool IsProtected(string type, string field) => Table.ContainsKey((type, field));

    /// <summary>Types whose aggregates are protected statistics for PUBLIC and NGO callers.</summary>
    public static bool StatisticsProtected(string type) => type is "Household" or "Person";

    /// <summary>
    /// Whether a filter on a protected-statistics type names rows by ID (directly, or through a relation to another
    /// protected-statistics type), which would let an aggregate describe one household.
    /// </summary>
    public static bool NamesIndividualRecords(Machinery.EntityModel model, Machinery.EntityDescriptor type, IDictionary<string, object?>? filter)
    {
        if (filter == null) return false;
        foreach (var (name, value) in filter)
        {
            if (value == null) continue;
            if (name is "and" or "or")
            {
                if (((System.Collections.IEnumerable)value).Cast<IDictionary<string, object?>>().Any(f => NamesIndividualRecords(model, type, f))) return true;
                continue;
            }
            if (name == "id" && StatisticsProtected(type.Name)) return true;
            var relation = type.ToOne.FirstOrDefault(r => r.Name == name)?.Target ?? type.ToMany.FirstOrDefault(r => r.Name == name)?.Target;
            if (relation == null || value is not IDictionary<string, object?> inner) continue;
            var target = model.For(relation);
            if (!StatisticsProtected(target.Name)) continue;
            // To-many filters nest one level deeper (some/all/none).
            var scopes = type.ToMany.Any(r => r.Name == name) ? inner.Values.OfType<IDictionary<string, object?>>() : [inner];
            if (scopes.Any(f => NamesIndividualRecords(model, target, f))) return true;
        }
        return false;
    }

    /// <summary>Types only some roles may read at all (the audit log: ADMIN).</summary>
    public static bool MayRead(string type, Viewer viewer) => type != "AuditEntry" || viewer.Role == Role.Admin;

    public static IEnumerable<(string Type, string Field)> ProtectedFields => Table.Keys;

    /// <summary>The level in partner villages (or everywhere, for other roles) and the level elsewhere.</summary>
    public static (AccessLevel InScope, AccessLevel OutOfScope) LevelsFor(string type, string field, Viewer viewer)
    {
        if (!Table.TryGetValue((type, field), out var row)) return (Full, Full);
        return viewer.Role switch
        {
            Role.Public => (row[0], row[0]),
            Role.Researcher => (row[1], row[1]),
            Role.Ngo => (row[2], row[3]),
            Role.Official => (row[4], row[4]),
            _ => (row[5], row[5]),
        };
    }

    /// <summary>A field may be used in where, order or a row-level key only where every row shows it FULL.</summary>
    public static bool FullEverywhere(string type, string field, Viewer viewer) => LevelsFor(type, field, viewer) == (Full, Full);

    /// <summary>
    /// The row scope of an NGO caller for a type with protected fields: rows in its partner villages.
    /// Null for types whose rows are not tied to a village.
    /// </summary>
    /// <param name="partnerHouseholds">The households of the partner villages (persons are scoped by household:
    /// a plain column test, which also works inside nested per-parent pages).</param>
    public static LambdaExpression? PartnerScope(Type entity, Viewer viewer, Func<IReadOnlyCollection<int>> partnerHouseholds)
    {
        if (viewer.Role != Role.Ngo) return null;
        var villages = viewer.PartnerVillages.ToArray();
        if (entity == typeof(Household)) { Expression<Func<Household, bool>> e = h => villages.Contains(h.VillageId); return e; }
        if (entity == typeof(Person))
        {
            var households = partnerHouseholds().ToArray();
            Expression<Func<Person, bool>> e = p => households.Contains(p.HouseholdId);
            return e;
        }
        return null;
    }

    /// <summary>The masked form of a field, as an expression EF translates to SQL (so the raw value never leaves the database).</summary>
    public static Expression Mask(string type, string field, Expression value) => (type, field) switch
    {
        (_, "headName" or "name") => MaskName(value),
        (_, "headIdNumber" or "idNumber") => MaskIdNumber(value),
        ("Person", "birthDate") => Expression.Property(value, nameof(DateOnly.Year)),
        _ => throw new InvalidOperationException($"{type}.{field} has no masked form"),
    };

    private static readonly string[] CompoundSurnames = Data.Generation.NameFactory.CompoundSurnames.ToArray();

    /// <summary>Surname kept, given name replaced by one '*': 王*; 欧阳*.</summary>
    private static Expression MaskName(Expression name)
    {
        Expression<Func<string, string>> mask = n =>
            (n.Length > 2 && CompoundSurnames.Contains(n.Substring(0, 2)) ? n.Substring(0, 2) : n.Substring(0, 1)) + "*";
        return Machinery.ParameterReplacer.Apply(mask, name);
    }

    /// <summary>First 6 (region) and last 4 characters kept: 220281********9017.</summary>
    private static Expression MaskIdNumber(Expression id)
    {
        Expression<Func<string, string>> mask = n => n.Substring(0, 6) + "********" + n.Substring(14, 4);
        return Machinery.ParameterReplacer.Apply(mask, id);
    }
}
