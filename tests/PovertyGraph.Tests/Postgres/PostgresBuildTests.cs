using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using PovertyGraph.Domain;

namespace PovertyGraph.Tests.Postgres;

/// <summary>
/// The first-run build on PostgreSQL, which loads through binary COPY: it writes exactly the rows the SQLite build
/// writes, leaves the indexes and foreign keys the migrations made (those it took off for the load are back), and
/// leaves identity sequences past the copied IDs so the server's own inserts (audit entries) do not collide.
/// </summary>
[Collection(PostgresDatabaseCollection.Name)]
public sealed class PostgresBuildTests(PostgresDatabaseFixture fixture)
{
    [PostgresFact]
    public void The_build_writes_the_same_rows_as_on_SQLite()
    {
        using var services = PostgresDatabaseFixture.Services(fixture.Postgres);
        using var model = PostgresDatabaseFixture.Context(services);
        using var postgres = fixture.Postgres.Open();
        using var sqlite = fixture.Sqlite.Open();
        var expected = TableContents.Checksums(sqlite, model, "DatasetInfo", "DatasetChanges");
        Assert.Equal(expected, TableContents.Checksums(postgres, model, "DatasetInfo", "DatasetChanges"));
        Assert.Contains(expected, t => t.Key == "Persons" && t.Value.StartsWith("11609 rows", StringComparison.Ordinal));
    }

    [PostgresFact]
    public void A_first_start_creates_the_database_the_connection_string_names()
    {
        using var database = TestDatabase.CreatePostgres("created");
        using (var admin = new Npgsql.NpgsqlConnection(TestDatabase.PostgresAdministrator))
        {
            admin.Open();
            admin.Rows($"DROP DATABASE \"{new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Database}\"");
        }
        var messages = new List<string>();
        using var services = PostgresDatabaseFixture.Services(database);
        Assert.True(services.GetRequiredService<DatabaseBootstrapper>().EnsureReady(messages.Add));
        Assert.StartsWith("creating the PostgreSQL database povertygraph_test_created_", messages[0]);
        using var connection = database.Open();
        Assert.Equal(11_609, connection.Scalar("SELECT COUNT(*) FROM \"Persons\""));
    }

    [PostgresFact]
    public void Indexes_and_foreign_keys_after_the_build_are_those_of_the_migrations()
    {
        using var empty = TestDatabase.CreatePostgres("migrated");
        using (var services = PostgresDatabaseFixture.Services(empty))
        using (var db = PostgresDatabaseFixture.Context(services))
            db.Database.Migrate();
        var built = Schema(fixture.Postgres);
        Assert.Equal(Schema(empty), built);
        // Persons (11,609 rows) were loaded with their secondary indexes and foreign keys taken off.
        Assert.Contains(built, s => s.StartsWith("IX_Persons_HouseholdId ", StringComparison.Ordinal));
        Assert.Contains(built, s => s.StartsWith("FK_Persons_Households_HouseholdId ", StringComparison.Ordinal));
    }

    private static List<string> Schema(TestDatabase database)
    {
        using var connection = database.Open();
        return connection.Rows("""
                SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
                UNION ALL
                SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                """).Select(r => (string)r[0]!).Order(StringComparer.Ordinal).ToList();
    }

    [PostgresFact]
    public void Audit_entries_are_written_after_a_build_and_after_copied_ids()
    {
        using var database = fixture.FreshCopy("audit");
        using var services = PostgresDatabaseFixture.Services(database);
        Assert.Equal(1, AddAuditEntry(services));

        // Rows copied with explicit IDs (as an import would) move the identity sequence past them.
        using (var db = PostgresDatabaseFixture.Context(services))
        {
            db.Database.OpenConnection();
            using var tx = db.Database.BeginTransaction();
            new BulkWriter(db, tx.GetDbTransaction()).Insert(Enumerable.Range(2, 3).Select(id => Entry(id)).ToList());
            tx.Commit();
        }
        Assert.Equal(5, AddAuditEntry(services));
        using var connection = database.Open();
        Assert.Equal(5, connection.Scalar("SELECT COUNT(*) FROM \"AuditEntries\""));
    }

    private static int AddAuditEntry(Microsoft.Extensions.DependencyInjection.ServiceProvider services)
    {
        using var db = PostgresDatabaseFixture.Context(services);
        var entry = Entry(0);
        db.AuditEntries.Add(entry);
        db.SaveChanges();
        return entry.Id;
    }

    private static AuditEntry Entry(int id) => new()
    {
        Id = id, At = DateTimeOffset.UnixEpoch.AddDays(id), Subject = "tests", Role = "official", QueryHash = new string('0', 64),
        HouseholdIds = "1", HouseholdCount = 1, Fields = "headName",
    };
}
