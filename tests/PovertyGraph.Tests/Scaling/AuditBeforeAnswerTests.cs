using PovertyGraph.Data;

namespace PovertyGraph.Tests.Scaling;

/// <summary>
/// An answer with names leaves the server only after its audit entry is committed (Execution/AuditListener). Here the
/// database makes each audit INSERT slow (a trigger), so an answer written before its commit (an entry written in the
/// background, or awaited only after the first byte) would arrive while the entry is not yet in the table.
/// </summary>
public sealed class AuditBeforeAnswerTests
{
    [Fact]
    public async Task An_answer_with_names_arrives_after_its_audit_entry_is_committed()
    {
        await using var factory = new PovertyGraphFactory();
        await factory.QueryAsync("{ households(first: 1) { nodes { id } } }"); // builds the database
        using var db = factory.Database.Open(writable: true);
        SlowAuditEntries(db, factory.Database.Provider);
        var before = db.Scalar("SELECT COUNT(*) FROM \"AuditEntries\"");

        for (var i = 1; i <= 3; i++)
        {
            var (status, body) = await factory.PostAsync("{ households(first: 2) { nodes { headName headIdNumber } } }", token: Tokens.Official);
            // Read as soon as the answer is in: the entry must already be committed, not merely started.
            var entries = db.Scalar("SELECT COUNT(*) FROM \"AuditEntries\"");
            Assert.Equal(200, status);
            Assert.Equal(2, body["data"]!["households"]!["nodes"]!.AsArray().Count);
            Assert.Equal(before + i, entries);
        }
    }

    /// <summary>Each audit INSERT waits about 0.3 s before it is written.</summary>
    private static void SlowAuditEntries(System.Data.Common.DbConnection db, DatabaseProvider provider)
    {
        string[] statements = provider == DatabaseProvider.Sqlite
            // SQLite cannot sleep in SQL: the trigger counts instead (a few hundred milliseconds).
            ? ["""
               CREATE TRIGGER slow_audit BEFORE INSERT ON "AuditEntries" BEGIN
                 SELECT COUNT(*) FROM (WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000000) SELECT x FROM n);
               END
               """]
            : ["CREATE FUNCTION slow_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.3); RETURN NEW; END $$",
               "CREATE TRIGGER slow_audit BEFORE INSERT ON \"AuditEntries\" FOR EACH ROW EXECUTE FUNCTION slow_audit()"];
        foreach (var sql in statements)
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
    }
}
