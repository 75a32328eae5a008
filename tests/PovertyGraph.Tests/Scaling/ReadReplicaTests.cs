using System.Data.Common;
using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.Tests.Scaling;

/// <summary>
/// Reads from a PostgreSQL streaming replica, writes to the primary (<c>Database:ReadReplicas</c>). With replay paused on
/// the standby, a change made on the primary is not in the API's answers (they come from the standby) while the audit
/// entry of a full disclosure is on the primary at once; resumed, both replicate and the API serves them.
/// </summary>
public sealed class ReadReplicaTests
{
    [ReplicaFact]
    public async Task Reads_come_from_the_standby_and_audit_entries_go_to_the_primary_and_replicate()
    {
        await using var factory = new ReplicaFactory(ReplicaFactAttribute.Standby!);
        using var client = factory.CreateClient(); // builds the database on the primary and waits for the standby
        await using var primary = new NpgsqlConnection(factory.Database.ConnectionString);
        await using var standby = new NpgsqlConnection(factory.Replica);
        await primary.OpenAsync();
        await standby.OpenAsync();
        Assert.True(InRecovery(standby), "the configured replica is not a standby");
        Assert.False(InRecovery(primary), "the primary is a standby");
        Assert.True(InRecovery(factory.Services.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>()));
        Assert.False(InRecovery(factory.Services.GetRequiredService<PrimaryDbContextFactory>()));

        var village = primary.Rows("SELECT \"Id\", \"Name\" FROM \"Villages\" ORDER BY \"Id\" LIMIT 1")[0];
        var (id, name) = (Convert.ToInt32(village[0]), (string)village[1]!);
        var query = $$"""{ node(id: "{{GlobalId.Encode("Village", id)}}") { ... on Village { name } } }""";
        Assert.Equal(name, (await factory.QueryAsync(query))["node"]!["name"]!.GetValue<string>());
        var audited = primary.Scalar("SELECT COUNT(*) FROM \"AuditEntries\"");

        Execute(standby, "SELECT pg_wal_replay_pause()");
        try
        {
            await UntilAsync(() => Text(standby, "SELECT pg_get_wal_replay_pause_state()") == "paused", "replay to pause");
            Execute(primary, $"UPDATE \"Villages\" SET \"Name\" = \"Name\" || '（改）' WHERE \"Id\" = {id}");

            // The standby has not replayed the change: an answer without it came from the standby.
            Assert.Equal(name, (await factory.QueryAsync(query))["node"]!["name"]!.GetValue<string>());

            // A full disclosure is audited on the primary (a standby would refuse the write, and the request would fail).
            await factory.QueryAsync("{ households(first: 2) { nodes { headName headIdNumber } } }", token: Tokens.Official);
            Assert.Equal(audited + 1, primary.Scalar("SELECT COUNT(*) FROM \"AuditEntries\""));
            Assert.Equal(audited, standby.Scalar("SELECT COUNT(*) FROM \"AuditEntries\""));
        }
        finally
        {
            Execute(standby, "SELECT pg_wal_replay_resume()");
        }

        await UntilAsync(() => standby.Scalar("SELECT COUNT(*) FROM \"AuditEntries\"") == audited + 1, "the audit entry to replicate");
        Assert.Equal(name + "（改）", (await factory.QueryAsync(query))["node"]!["name"]!.GetValue<string>());
        var log = await factory.QueryAsync("{ auditEntries { totalCount } }", token: Tokens.Admin);
        Assert.Equal(audited + 1, log["auditEntries"]!["totalCount"]!.GetValue<long>());
    }

    [PostgresFact]
    public async Task Reads_fall_back_to_the_primary_when_no_replica_answers()
    {
        await using var factory = new ReplicaFactory($"Host=127.0.0.1;Port={ClosedPort()};Username=postgres");
        var data = await factory.QueryAsync("{ villages { totalCount } }");
        using var db = factory.Database.Open();
        Assert.Equal(db.Scalar("SELECT COUNT(*) FROM \"Villages\""), data["villages"]!["totalCount"]!.GetValue<long>());
        var hosts = factory.Services.GetRequiredService<ReadReplicaDataSource>().Hosts;
        Assert.Equal(2, hosts.Count); // the replica first, the primary last
        Assert.Equal(new NpgsqlConnectionStringBuilder(factory.Replica) is var r ? $"{r.Host}:{r.Port}" : "", hosts[0]);
        Assert.False(InRecovery(factory.Services.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>()));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed
    }

    private static bool InRecovery(IDbContextFactory<PovertyGraphDbContext> contexts)
    {
        using var db = contexts.CreateDbContext();
        return db.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").AsEnumerable().Single();
    }

    private static bool InRecovery(DbConnection connection) => Text(connection, "SELECT pg_is_in_recovery()::text") == "true";

    private static string Text(DbConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar())!;
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"waited 30 s for {what}");
            await Task.Delay(50);
        }
    }
}
