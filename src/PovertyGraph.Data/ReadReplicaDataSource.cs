using System.Data.Common;
using Npgsql;

namespace PovertyGraph.Data;

/// <summary>
/// Where reads go when <see cref="DatabaseOptions.ReadReplicas"/> names PostgreSQL streaming replicas: one Npgsql
/// multi-host data source over the replicas and then the primary, asked for a standby (<c>prefer-standby</c>). Npgsql
/// tries the hosts in order and uses the first that answers as a standby; when none does (all down, or promoted), it
/// uses any that answers, the primary last, so reads go on while a replica is away. A host found down is skipped until
/// Npgsql checks it again (<c>Host Recheck Seconds</c>, 10 s by default). Each server process starts the list at a
/// replica of its own (chosen at random), so the processes behind a load balancer spread over the replicas while all
/// reads of one process, and the data version its ETags carry, come from one replica.
/// <para>
/// A streaming replica holds the primary's databases and roles, so only a replica's <c>Host</c> and <c>Port</c> are
/// used; any other setting it gives must equal the primary's (checked at start).
/// </para>
/// </summary>
public sealed class ReadReplicaDataSource : IDisposable
{
    private readonly NpgsqlMultiHostDataSource _hosts;

    private ReadReplicaDataSource(NpgsqlMultiHostDataSource hosts, IReadOnlyList<string> order)
    {
        _hosts = hosts;
        Hosts = order;
        DataSource = hosts.WithTargetSession(TargetSessionAttributes.PreferStandby);
    }

    /// <summary>Connections for reads: a replica's when one answers, else the primary's.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The hosts in the order this process tries them (host:port), the primary last.</summary>
    public IReadOnlyList<string> Hosts { get; }

    public static ReadReplicaDataSource Create(DatabaseOptions options, int? firstReplica = null)
    {
        var connectionString = ConnectionString(options.ConnectionString, options.ReadReplicas, firstReplica ?? Random.Shared.Next(options.ReadReplicas.Count));
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return new ReadReplicaDataSource(new NpgsqlDataSourceBuilder(connectionString).BuildMultiHost(), builder.Host!.Split(','));
    }

    /// <summary>
    /// The primary's connection string with <c>Host</c> listing the replicas from <paramref name="firstReplica"/> on (wrapping
    /// round), then the primary, each as host:port.
    /// </summary>
    public static string ConnectionString(string primary, IReadOnlyList<string> replicas, int firstReplica)
    {
        if (replicas.Count == 0) throw new ArgumentException("no read replicas", nameof(replicas));
        var primaryBuilder = new NpgsqlConnectionStringBuilder(primary);
        var hosts = new List<string>();
        for (var i = 0; i < replicas.Count; i++)
        {
            var index = (firstReplica + i) % replicas.Count;
            hosts.AddRange(Endpoints(Replica(replicas[index], index, primaryBuilder)));
        }
        hosts.AddRange(Endpoints(primaryBuilder));
        return new NpgsqlConnectionStringBuilder(primary) { Host = string.Join(",", hosts), LoadBalanceHosts = false }.ConnectionString;
    }

    private static NpgsqlConnectionStringBuilder Replica(string text, int index, NpgsqlConnectionStringBuilder primary)
    {
        var name = $"Database:ReadReplicas:{index}";
        NpgsqlConnectionStringBuilder replica;
        DbConnectionStringBuilder given;
        try
        {
            replica = new NpgsqlConnectionStringBuilder(text);
            given = new DbConnectionStringBuilder { ConnectionString = text };
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{name} is not a PostgreSQL connection string: {e.Message}", e);
        }
        if (string.IsNullOrWhiteSpace(replica.Host)) throw new InvalidOperationException($"{name} names no Host.");
        foreach (string key in given.Keys)
        {
            if (key.Equals("host", StringComparison.OrdinalIgnoreCase) || key.Equals("server", StringComparison.OrdinalIgnoreCase)
                || key.Equals("port", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!Equals(Convert.ToString(replica[key]), Convert.ToString(primary[key])))
            {
                throw new InvalidOperationException(
                    $"{name} sets '{key}' differently from the primary's connection string: a streaming replica has the primary's " +
                    "databases and roles, so give only its Host and Port.");
            }
        }
        return replica;
    }

    /// <summary>host:port for each host of the builder (a host that names its port keeps it).</summary>
    private static IEnumerable<string> Endpoints(NpgsqlConnectionStringBuilder builder) =>
        builder.Host!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(host => host.Contains(':') ? host : $"{host}:{builder.Port}");

    public void Dispose() => _hosts.Dispose();
}
