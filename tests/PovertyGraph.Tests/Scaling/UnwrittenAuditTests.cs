using PovertyGraph.Data;
using PovertyGraph.GraphQL.Execution;

namespace PovertyGraph.Tests.Scaling;

/// <summary>
/// Full identifiers go out only with their audit entry. With read replicas the primary, where audit entries are written,
/// can be away while reads go on; here the database refuses the entry (a trigger), and the answer is withheld.
/// </summary>
public sealed class UnwrittenAuditTests
{
    [Fact]
    public async Task A_disclosure_whose_audit_entry_cannot_be_written_is_withheld()
    {
        await using var factory = new PovertyGraphFactory();
        var masked = await factory.QueryAsync("{ households(first: 2) { nodes { headName } } }"); // builds; PUBLIC: masked, not audited
        using (var db = factory.Database.Open(writable: true)) RefuseAuditEntries(db, factory.Database.Provider);

        var (_, body) = await factory.PostAsync("{ households(first: 2) { nodes { headName headIdNumber } } }", token: Tokens.Official);
        Assert.Null(body["data"]);
        Assert.Contains(body["errors"]!.AsArray(), e => (string?)e!["extensions"]?["code"] == RequestRuntime.AuditFailedCode);
        Assert.DoesNotMatch(@"\d{17}[\dX]", body.ToJsonString()); // no identity number anywhere in the answer
        Assert.Null(body["extensions"]?["receipt"]); // nor a receipt of an answer that was not given

        // What discloses nothing is answered as before.
        Assert.Equal(masked.ToJsonString(), (await factory.QueryAsync("{ households(first: 2) { nodes { headName } } }")).ToJsonString());
    }

    private static void RefuseAuditEntries(System.Data.Common.DbConnection db, DatabaseProvider provider)
    {
        string[] statements = provider == DatabaseProvider.Sqlite
            ? ["CREATE TRIGGER refuse_audit BEFORE INSERT ON \"AuditEntries\" BEGIN SELECT RAISE(ABORT, 'audit refused by the test'); END"]
            : ["CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused by the test'; END $$",
               "CREATE TRIGGER refuse_audit BEFORE INSERT ON \"AuditEntries\" FOR EACH ROW EXECUTE FUNCTION refuse_audit()"];
        foreach (var sql in statements)
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
    }
}
