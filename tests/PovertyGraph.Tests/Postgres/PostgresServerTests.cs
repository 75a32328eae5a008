using Npgsql;

namespace PovertyGraph.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the run was given. Its display name doubles as the notice a plain <c>dotnet test</c> prints
/// among its skipped tests (the console shows names, not skip reasons): the run used SQLite only, and how to change that.
/// </summary>
public sealed class PostgresServerTests
{
    [PostgresFact(DisplayName = "PostgreSQL run (set " + TestDatabase.PostgresVariable + ", see docs/TESTING.md): the server is PostgreSQL 15 or later with ICU")]
    public void The_server_is_PostgreSQL_15_or_later_with_ICU()
    {
        using var connection = new NpgsqlConnection(TestDatabase.PostgresAdministrator);
        connection.Open();
        Assert.True(connection.PostgreSqlVersion.Major >= 15, $"PostgreSQL {connection.PostgreSqlVersion}");
        // The test databases take an ICU Chinese default collation (TestDatabase.CreatePostgres); without ICU they
        // would fall back to the server's, and the code-point tests would prove less.
        Assert.Equal(1, connection.Scalar("SELECT COUNT(*) FROM pg_collation WHERE collname = 'zh-x-icu'"));
    }
}
