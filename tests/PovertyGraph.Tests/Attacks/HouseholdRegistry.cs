using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.Tests.Attacks;

/// <summary>
/// The households and places of a test server's database, read with plain SQL (never through the API): the ground truth
/// of the differencing and averaging attacks. Values are as the API names them (global IDs, enum constants).
/// </summary>
public sealed class HouseholdRegistry
{
    /// <summary>A village with households.</summary>
    public sealed record Place(int Key, string Id, string Name, int TownshipKey, string TownshipId, string TownshipName, int CountyKey, string CountyId);

    /// <summary>A household: its place, its hidden primary cause and the public fields a PUBLIC caller may filter on.</summary>
    public sealed record Household(int Key, string Id, int VillageKey, string PrimaryCause, int MemberCount, string Type, string? PrimaryMeasure,
        bool HasLaborCapacity, bool Relocated, int RegisteredYear, int PlannedExitYear);

    public required IReadOnlyList<Place> Villages { get; init; }
    public required IReadOnlyList<Household> Households { get; init; }
    /// <summary>Village keys of the Jiaohe health NGO's partner villages.</summary>
    public required IReadOnlySet<int> JiaohePartnerVillages { get; init; }

    public static string VillageId(int key) => GlobalId.Encode("Village", key);

    public IEnumerable<Household> In(Place village) => Households.Where(h => h.VillageKey == village.Key);

    /// <summary>The registry of the factory's database, once its server has started (the first start builds it).</summary>
    public static HouseholdRegistry Load(PovertyGraphFactory factory)
    {
        using (factory.CreateClient()) { }
        using var connection = factory.Database.Open();
        return Load(connection);
    }

    private static HouseholdRegistry Load(DbConnection connection)
    {
        var villages = connection.Rows("""
            SELECT v."Id", v."Name", t."Id", t."Name", v."CountyId" FROM "Villages" v JOIN "Townships" t ON t."Id" = v."TownshipId"
            WHERE EXISTS (SELECT 1 FROM "Households" h WHERE h."VillageId" = v."Id") ORDER BY v."Id"
            """).Select(r => new Place(Int(r[0]), VillageId(Int(r[0])), (string)r[1]!, Int(r[2]), GlobalId.Encode("Township", Int(r[2])),
                (string)r[3]!, Int(r[4]), GlobalId.Encode("County", Int(r[4])))).ToList();
        var households = connection.Rows("""
            SELECT "Id", "VillageId", "PrimaryCause", "MemberCount", "Type", "PrimaryMeasure", "HasLaborCapacity", "Relocated", "RegisteredYear", "PlannedExitYear"
            FROM "Households" ORDER BY "Id"
            """).Select(r => new Household(Int(r[0]), GlobalId.Encode("Household", Int(r[0])), Int(r[1]),
                Constant<Domain.PovertyCause>(r[2])!, Int(r[3]), Constant<Domain.HouseholdType>(r[4])!, Constant<Domain.AssistanceMeasure>(r[5]),
                Convert.ToBoolean(r[6], CultureInfo.InvariantCulture), Convert.ToBoolean(r[7], CultureInfo.InvariantCulture), Int(r[8]), Int(r[9]))).ToList();
        var partners = connection.Rows("""
            SELECT ov."VillageId" FROM "OrganizationVillages" ov JOIN "Organizations" o ON o."Id" = ov."OrganizationId" WHERE o."Key" = @key
            """, ("@key", Tokens.JiaoheNgo)).Select(r => Int(r[0])).ToHashSet();
        return new HouseholdRegistry { Villages = villages, Households = households, JiaohePartnerVillages = partners };
    }

    private static int Int(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    /// <summary>The API's name of a stored enum value (LowIncomeGuarantee → LOW_INCOME_GUARANTEE); null for NULL.</summary>
    private static string? Constant<TEnum>(object? stored) where TEnum : struct, Enum =>
        stored == null ? null : Regex.Replace(Enum.GetName(typeof(TEnum), Int(stored))!, "(?<=[a-z])(?=[A-Z])", "_").ToUpperInvariant();
}
