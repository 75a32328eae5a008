using Npgsql;

namespace PovertyGraph.Tests.Scaling;

/// <summary>
/// The server on its own PostgreSQL test database (the primary), reading from <paramref name="replicaAdministrator"/>:
/// the same database on another server, named in <c>Database:ReadReplicas</c> by its host and port.
/// </summary>
public sealed class ReplicaFactory(string replicaAdministrator) : PovertyGraphFactory
{
    /// <summary>The replica's connection string for this factory's database.</summary>
    public string Replica => new NpgsqlConnectionStringBuilder(replicaAdministrator)
    {
        Database = new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database,
    }.ConnectionString;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Database:ReadReplicas:0"] = Replica,
    };
}
