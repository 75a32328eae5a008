namespace PovertyGraph.Tests.Scaling;

/// <summary>
/// A test that needs a PostgreSQL primary (<see cref="TestDatabase.PostgresVariable"/>) and a hot standby streaming from
/// it (<see cref="VariableName"/>), as <c>.ci/run</c> starts them. Without both it is reported as skipped, saying how
/// to run it.
/// </summary>
public sealed class ReplicaFactAttribute : FactAttribute
{
    /// <summary>An administrator's connection string (Host, Port, Username; no Database) to a standby of the primary.</summary>
    public const string VariableName = "POVERTYGRAPH_TEST_REPLICA";

    public ReplicaFactAttribute()
    {
        if (TestDatabase.PostgresAdministrator == null || Standby == null)
        {
            Skip = $"No PostgreSQL streaming replica is configured: set {VariableName} to a hot standby of the server in " +
                   $"{TestDatabase.PostgresVariable} (.ci/run starts one with `.ci/postgres.sh standby`; see docs/TESTING.md).";
        }
    }

    public static string? Standby => Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value ? value : null;
}
