using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using PovertyGraph.Data;
using PovertyGraph.Data.Import;
using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.Benchmarks;

/// <summary>A hand-written SQL statement with its parameters.</summary>
internal sealed record SqlStatement(string Text, params (string Name, object? Value)[] Parameters);

/// <summary>
/// One benchmark case: a GraphQL query and the same result computed by hand-written SQL. Both sides are reduced to
/// the same canonical lines (one per row, in result order), which must be equal.
/// </summary>
internal abstract class Scenario
{
    public abstract string Key { get; }
    public abstract string Title { get; }
    public abstract string Query { get; }
    public virtual object? Variables => null;
    public abstract IReadOnlyList<SqlStatement> HandSql { get; }

    /// <summary>The database the hand-written SQL runs on.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// A name selected next to its ID must be grouped too on PostgreSQL; SQLite takes it as is, and grouping by it
    /// there would change the plan the SQLite figures were measured with.
    /// </summary>
    protected string AlsoGroupBy(string column) => Provider == DatabaseProvider.Postgres ? ", " + column : "";

    /// <summary>Looks up what the query needs (IDs, cursors) before anything is measured.</summary>
    public virtual Task SetupAsync(GraphQLClient client, DbConnection db) => Task.CompletedTask;

    public abstract List<string> FromGraphQL(JsonNode data);
    public abstract List<string> FromSql(IReadOnlyList<List<object?[]>> results);

    protected static string Enum<TEnum>(object? value) where TEnum : struct, System.Enum =>
        value is null or DBNull ? "null" : EnumNames.ToConstant(((TEnum)System.Enum.ToObject(typeof(TEnum), Convert.ToInt32(value, CultureInfo.InvariantCulture))).ToString());

    protected static string S(object? value) => value switch
    {
        null or DBNull => "null",
        JsonNode n => n.GetValueKind() == System.Text.Json.JsonValueKind.String ? n.GetValue<string>() : Number(n.ToJsonString()),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => Number(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => value.ToString()!,
    };

    /// <summary>Numbers compared by value: 42, 42.0 and "42" are the same.</summary>
    private static string Number(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString("0.############", CultureInfo.InvariantCulture) : text;

    protected static int IdOf(JsonNode? globalId, string type) => GlobalId.DecodeFor(globalId!.GetValue<string>(), type);
}

/// <summary>A: households grouped by county × primary cause, over all 352,029 households.</summary>
internal sealed class GroupedHouseholds : Scenario
{
    public override string Key => "A";
    public override string Title => "households grouped by county × primaryCause (count, sum memberCount)";

    public override string Query => """
        { households { groupedAggregates(groupBy: [COUNTY, PRIMARY_CAUSE]) { keys { county { name } primaryCause } count sum { memberCount } } } }
        """;

    public override IReadOnlyList<SqlStatement> HandSql =>
    [
        new($$"""
            SELECT h."CountyId", c."Name", h."PrimaryCause", COUNT(*), SUM(h."MemberCount")
            FROM "Households" h JOIN "Counties" c ON c."Id" = h."CountyId"
            GROUP BY h."CountyId", h."PrimaryCause"{{AlsoGroupBy("c.\"Name\"")}}
            ORDER BY h."CountyId", h."PrimaryCause"
            """),
    ];

    public override List<string> FromGraphQL(JsonNode data) =>
        data["households"]!["groupedAggregates"]!.AsArray().Select(g =>
            $"{S(g!["keys"]!["county"]!["name"])}\t{S(g["keys"]!["primaryCause"])}\t{S(g["count"])}\t{S(g["sum"]!["memberCount"])}").ToList();

    public override List<string> FromSql(IReadOnlyList<List<object?[]>> results) =>
        results[0].Select(r => $"{S(r[1])}\t{Enum<PovertyCause>(r[2])}\t{S(r[3])}\t{S(r[4])}").ToList();
}

/// <summary>B: registered villages of the western contiguous area, sorted, first 50, with county and two nested counts.</summary>
internal sealed class VillagePage : Scenario
{
    public override string Key => "B";
    public override string Title => "filtered, sorted village page (50) + county + projects/households totalCount";

    public override string Query => """
        {
          villages(where: {registered: {eq: true}, county: {contiguousArea: {eq: WEST_ARID_SALINE}}},
                   order: [{plannedExitYear: ASC}, {name: ASC}], first: 50) {
            totalCount
            nodes { id name plannedExitYear county { name } projects { totalCount } households { totalCount } }
          }
        }
        """;

    // The API sorts nulls last ascending and breaks ties by ID.
    public override IReadOnlyList<SqlStatement> HandSql =>
    [
        new("""
            SELECT v."Id", v."Name", v."PlannedExitYear", c."Name",
                   (SELECT COUNT(*) FROM "Projects" p WHERE p."VillageId" = v."Id"),
                   (SELECT COUNT(*) FROM "Households" h WHERE h."VillageId" = v."Id")
            FROM "Villages" v JOIN "Counties" c ON c."Id" = v."CountyId"
            WHERE v."Registered" = TRUE AND c."ContiguousArea" = @area
            ORDER BY v."PlannedExitYear" IS NULL, v."PlannedExitYear", v."Name", v."Id"
            LIMIT 50
            """, ("@area", (int)ContiguousArea.WestAridSaline)),
        new("""
            SELECT COUNT(*) FROM "Villages" v JOIN "Counties" c ON c."Id" = v."CountyId"
            WHERE v."Registered" = TRUE AND c."ContiguousArea" = @area
            """, ("@area", (int)ContiguousArea.WestAridSaline)),
    ];

    public override List<string> FromGraphQL(JsonNode data)
    {
        var villages = data["villages"]!;
        return [$"total {S(villages["totalCount"])}", .. villages["nodes"]!.AsArray().Select(v =>
            $"{IdOf(v!["id"], "Village")}\t{S(v["name"])}\t{S(v["plannedExitYear"])}\t{S(v["county"]?["name"])}\t{S(v["projects"]!["totalCount"])}\t{S(v["households"]!["totalCount"])}")];
    }

    public override List<string> FromSql(IReadOnlyList<List<object?[]>> results) =>
        [$"total {S(results[1][0][0])}", .. results[0].Select(r => $"{S(r[0])}\t{S(r[1])}\t{S(r[2])}\t{S(r[3])}\t{S(r[4])}\t{S(r[5])}")];
}

/// <summary>
/// C: a deep keyset page: 100 households of the largest county after its first <see cref="Offset"/> (cursor), with
/// their members (OFFICIAL sees names, ID-free fields and full birth dates).
/// </summary>
internal sealed class DeepHouseholdPage(int offset = 5000) : Scenario
{
    private const int PageSize = 100;
    private int _countyId;
    private long _afterId;
    private string? _cursor;

    public int Offset => offset;
    public override string Key => "C";
    public override string Title => $"deep keyset page: 100 households of one county after row {offset:N0}, with members";

    public override string Query => """
        query ($county: ID!, $after: String) {
          households(where: {county: {id: {eq: $county}}}, first: 100, after: $after) {
            pageInfo { hasNextPage }
            nodes {
              id memberCount type headName
              members { nodes { id name gender relationship birthDate } }
            }
          }
        }
        """;

    public override object? Variables => new { county = GlobalId.Encode("County", _countyId), after = _cursor };

    public override async Task SetupAsync(GraphQLClient client, DbConnection db)
    {
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT \"CountyId\" FROM \"Households\" GROUP BY \"CountyId\" ORDER BY COUNT(*) DESC, \"CountyId\" LIMIT 1";
            _countyId = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            cmd.CommandText = $"SELECT \"Id\" FROM \"Households\" WHERE \"CountyId\" = {_countyId} ORDER BY \"Id\" LIMIT 1 OFFSET {offset - 1}";
            _afterId = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        // Walk to the cursor through the API itself (cursors are signed; the client cannot make one).
        const string walk = """
            query ($county: ID!, $after: String, $first: Int) {
              households(where: {county: {id: {eq: $county}}}, first: $first, after: $after) { pageInfo { endCursor } }
            }
            """;
        string? cursor = null;
        for (var seen = 0; seen < offset;)
        {
            var step = Math.Min(500, offset - seen);
            var data = await client.DataAsync(walk, new { county = GlobalId.Encode("County", _countyId), after = cursor, first = step });
            cursor = data["households"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
            seen += step;
        }
        _cursor = cursor;
    }

    public override IReadOnlyList<SqlStatement> HandSql =>
    [
        new("""
            SELECT h."Id", h."MemberCount", h."Type", h."HeadName", p."Id", p."Name", p."Gender", p."Relationship", p."BirthDate"
            FROM (SELECT "Id", "MemberCount", "Type", "HeadName" FROM "Households"
                  WHERE "CountyId" = @county AND "Id" > @after ORDER BY "Id" LIMIT 101) h
            LEFT JOIN "Persons" p ON p."HouseholdId" = h."Id"
            ORDER BY h."Id", p."Id"
            """, ("@county", _countyId), ("@after", (int)_afterId)),
    ];

    public override List<string> FromGraphQL(JsonNode data)
    {
        var page = data["households"]!;
        var lines = new List<string> { $"hasNextPage {S(page["pageInfo"]!["hasNextPage"])}" };
        foreach (var h in page["nodes"]!.AsArray())
        {
            lines.Add($"H {IdOf(h!["id"], "Household")}\t{S(h["memberCount"])}\t{S(h["type"])}\t{S(h["headName"])}");
            foreach (var p in h["members"]!["nodes"]!.AsArray())
                lines.Add($"  P {IdOf(p!["id"], "Person")}\t{S(p["name"])}\t{S(p["gender"])}\t{S(p["relationship"])}\t{S(p["birthDate"])}");
        }
        return lines;
    }

    public override List<string> FromSql(IReadOnlyList<List<object?[]>> results)
    {
        var rows = results[0];
        var households = rows.Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).Distinct().ToList();
        var hasNext = households.Count > PageSize;
        var lines = new List<string> { $"hasNextPage {(hasNext ? "true" : "false")}" };
        long? current = null;
        foreach (var r in rows)
        {
            var id = Convert.ToInt64(r[0], CultureInfo.InvariantCulture);
            if (hasNext && id == households[^1]) break;
            if (id != current)
            {
                lines.Add($"H {id}\t{S(r[1])}\t{Enum<HouseholdType>(r[2])}\t{S(r[3])}");
                current = id;
            }
            if (r[4] is not (null or DBNull))
                lines.Add($"  P {S(r[4])}\t{S(r[5])}\t{Enum<Gender>(r[6])}\t{Enum<Relationship>(r[7])}\t{S(r[8])}");
        }
        return lines;
    }
}

/// <summary>D: funding by source and year (a small table: mostly the fixed cost of a request).</summary>
internal sealed class FundingBySourceYear : Scenario
{
    public override string Key => "D";
    public override string Title => "funding allocations grouped by source × year (count, sum amount)";

    public override string Query => """
        { fundingAllocations { groupedAggregates(groupBy: [SOURCE, YEAR]) { keys { source { name } year } count sum { amount } } } }
        """;

    public override IReadOnlyList<SqlStatement> HandSql =>
    [
        new($$"""
            SELECT f."SourceId", s."Name", f."Year", COUNT(*), SUM(f."Amount")
            FROM "FundingAllocations" f JOIN "FundingSources" s ON s."Id" = f."SourceId"
            GROUP BY f."SourceId", f."Year"{{AlsoGroupBy("s.\"Name\"")}}
            ORDER BY f."SourceId", f."Year"
            """),
    ];

    public override List<string> FromGraphQL(JsonNode data) =>
        data["fundingAllocations"]!["groupedAggregates"]!.AsArray().Select(g =>
            $"{S(g!["keys"]!["source"]!["name"])}\t{S(g["keys"]!["year"])}\t{S(g["count"])}\t{S(g["sum"]!["amount"])}").ToList();

    public override List<string> FromSql(IReadOnlyList<List<object?[]>> results) =>
        results[0].Select(r => $"{S(r[1])}\t{S(r[2])}\t{S(r[3])}\t{S(r[4])}").ToList();
}
