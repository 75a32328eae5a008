using System.Data.Common;
using System.Globalization;
using static PovertyGraph.Tests.Attacks.AttackSupport;

namespace PovertyGraph.Tests.Attacks;

/// <summary>A person as the database holds it: the secrets a PUBLIC or out-of-scope NGO caller must never learn.</summary>
public sealed record PersonTruth(string Id, string Name, string IdNumber, string BirthDate);

/// <summary>A household as the database holds it (IDs as the API's global IDs, enums as the API names them).</summary>
public sealed record HouseholdTruth(
    string Id, string VillageId, string HeadName, string HeadIdNumber, string Phone, string? PrimaryCause, decimal? Income,
    int MemberCount, IReadOnlyList<PersonTruth> Members);

/// <summary>One village's households.</summary>
public sealed record VillageTruth(string Id, string Name, string TownshipId, IReadOnlyList<HouseholdTruth> Households);

/// <summary>
/// Ground truth for the attack tests, read from the server's database (SQLite or PostgreSQL, through
/// <see cref="TestDatabase.Open"/>), never from the API: what a leak would disclose is what the rows hold.
/// </summary>
public static class AttackTruth
{
    public static readonly string[] PovertyCauses =
        ["ILLNESS", "DISABILITY", "EDUCATION", "DISASTER", "LACK_OF_LAND", "LACK_OF_SKILLS", "LACK_OF_LABOR", "LACK_OF_CAPITAL", "LACK_OF_MOTIVATION", "OTHER"];
    public static readonly string[] HouseholdTypes = ["LOW_INCOME_GUARANTEE", "FIVE_GUARANTEES", "GENERAL"];

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Database, Truth Truth)? Cached;

    public sealed record Truth(
        VillageTruth Big,            // the non-partner village with the most households
        VillageTruth Partner,        // a partner village of the Jiaohe NGO (with the most households)
        IReadOnlyList<string> PartnerVillageIds,
        IReadOnlyList<VillageTruth> Others, // a few more non-partner villages
        IReadOnlySet<string> PartnerNames) // every head's and member's full name in all partner villages (an NGO sees them)
    {
        public IEnumerable<HouseholdTruth> NonPartnerHouseholds => Others.Prepend(Big).SelectMany(v => v.Households);
        public IEnumerable<HouseholdTruth> AllHouseholds => NonPartnerHouseholds.Concat(Partner.Households);
    }

    public static async Task<Truth> TruthAsync(AttackServer server)
    {
        var key = server.Database.ConnectionString;
        if (Cached is { } cached && cached.Database == key) return cached.Truth;
        await Gate.WaitAsync();
        try
        {
            if (Cached is { } again && again.Database == key) return again.Truth;
            using var connection = server.Database.Open();
            var truth = Load(connection);
            Cached = (key, truth);
            return truth;
        }
        finally { Gate.Release(); }
    }

    private static Truth Load(DbConnection connection)
    {
        var partnerIds = connection.Rows("""
            SELECT ov."VillageId" FROM "OrganizationVillages" ov JOIN "Organizations" o ON o."Id" = ov."OrganizationId"
            WHERE o."Key" = @org ORDER BY ov."VillageId"
            """, ("@org", Tokens.JiaoheNgo)).Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(partnerIds);
        // Villages with households (the test database has households only in Jiaohe), the largest first.
        var villages = connection.Rows("""
            SELECT v."Id", v."Name", v."TownshipId", COUNT(*) FROM "Villages" v JOIN "Households" h ON h."VillageId" = v."Id"
            GROUP BY v."Id", v."Name", v."TownshipId"
            """).Select(r => (Key: Convert.ToInt32(r[0], CultureInfo.InvariantCulture), Name: (string)r[1]!,
                Township: Convert.ToInt32(r[2], CultureInfo.InvariantCulture), Count: Convert.ToInt32(r[3], CultureInfo.InvariantCulture)))
            .OrderByDescending(v => v.Count).ThenBy(v => IdOf("Village", v.Key), StringComparer.Ordinal).ToList();
        VillageTruth Village((int Key, string Name, int Township, int Count) v)
        {
            var households = Households(connection, "h.\"VillageId\" = @v", ("@v", v.Key));
            Assert.Equal(v.Count, households.Count);
            return new VillageTruth(IdOf("Village", v.Key), v.Name, IdOf("Township", v.Township), households);
        }
        var nonPartner = villages.Where(v => !partnerIds.Contains(v.Key)).ToList();
        var partner = villages.First(v => partnerIds.Contains(v.Key));
        var others = nonPartner.Skip(1).Where(v => v.Count >= 8).Take(3).Select(Village).ToList();
        var partnerNames = connection.Rows($"""
            SELECT h."HeadName" FROM "Households" h WHERE h."VillageId" IN ({string.Join(", ", partnerIds)})
            UNION SELECT p."Name" FROM "Persons" p JOIN "Households" h ON h."Id" = p."HouseholdId" WHERE h."VillageId" IN ({string.Join(", ", partnerIds)})
            """).Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        return new Truth(Village(nonPartner[0]), Village(partner), partnerIds.Select(id => IdOf("Village", id)).ToList(), others, partnerNames);
    }

    /// <summary>The households <paramref name="where"/> selects (over <c>h</c>, the Households table), with their members, in ID order.</summary>
    public static List<HouseholdTruth> Households(DbConnection connection, string where, params (string Name, object Value)[] parameters)
    {
        var members = connection.Rows($"""
            SELECT p."HouseholdId", p."Id", p."Name", p."IdNumber", p."BirthDate" FROM "Persons" p JOIN "Households" h ON h."Id" = p."HouseholdId"
            WHERE {where} ORDER BY p."Id"
            """, parameters)
            .GroupBy(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Select(r => new PersonTruth(IdOf("Person", Convert.ToInt32(r[1], CultureInfo.InvariantCulture)),
                (string)r[2]!, (string)r[3]!, Date(r[4]!))).ToList());
        return connection.Rows($"""
            SELECT h."Id", h."VillageId", h."HeadName", h."HeadIdNumber", h."Phone", h."PrimaryCause", h."AnnualIncomePerCapita", h."MemberCount"
            FROM "Households" h WHERE {where} ORDER BY h."Id"
            """, parameters).Select(r =>
            {
                var id = Convert.ToInt32(r[0], CultureInfo.InvariantCulture);
                return new HouseholdTruth(IdOf("Household", id), IdOf("Village", Convert.ToInt32(r[1], CultureInfo.InvariantCulture)),
                    (string)r[2]!, (string)r[3]!, (string)r[4]!, PovertyCauses[Convert.ToInt32(r[5], CultureInfo.InvariantCulture) - 1],
                    Convert.ToInt64(r[6], CultureInfo.InvariantCulture), Convert.ToInt32(r[7], CultureInfo.InvariantCulture), members.GetValueOrDefault(id, []));
            }).ToList();
    }

    /// <summary>A date column as the API writes it (SQLite keeps text, PostgreSQL a date).</summary>
    public static string Date(object value) => value switch
    {
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"unexpected date value {value} ({value.GetType().Name})"),
    };

    /// <summary>The row key behind a global ID made by <see cref="AttackSupport.IdOf"/>.</summary>
    public static int KeyOf(string globalId)
    {
        var padded = globalId.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        return int.Parse(text[(text.IndexOf(':') + 1)..], CultureInfo.InvariantCulture);
    }
}
