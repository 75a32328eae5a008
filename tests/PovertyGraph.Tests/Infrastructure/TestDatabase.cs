using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using PovertyGraph.Data;
using PovertyGraph.Tests.Data;

namespace PovertyGraph.Tests.Infrastructure;

/// <summary>
/// The database behind one server factory or database fixture, on the provider of this test run: a SQLite file in
/// a temporary folder, or, when <see cref="PostgresVariable"/> holds an administrator's connection string, a fresh
/// PostgreSQL database created for it (unique name) and dropped on dispose.
/// <para>
/// Tests that read the database directly do it here: <see cref="Open"/> gives a raw ADO.NET connection
/// (SqliteConnection or NpgsqlConnection) to exactly the database the server uses, and
/// <see cref="DbConnectionQueries"/> runs SQL on it. Write SQL both databases accept: quote identifiers
/// (<c>SELECT v."Id" FROM "Villages" v</c>), compare flags with TRUE/FALSE, pass values as @parameters.
/// </para>
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>An administrator's connection string (Host, Port, Username, Password) to a PostgreSQL server.</summary>
    public const string PostgresVariable = "POVERTYGRAPH_TEST_POSTGRES";

    /// <summary>Why PostgreSQL-only tests are skipped, and how to run them.</summary>
    public const string NotConfigured =
        "PostgreSQL is not configured, so this run used SQLite only. To run the integration tests on PostgreSQL too, set " +
        PostgresVariable + "=\"Host=127.0.0.1;Port=5432;Username=postgres\" (a role that may create databases); see docs/TESTING.md.";

    private readonly string? _folder;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? folder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _postgresName = postgresName;
    }

    public static string? PostgresAdministrator =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The provider every factory and fixture of this run uses.</summary>
    public static DatabaseProvider RunProvider => PostgresAdministrator == null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public DatabaseProvider Provider { get; }

    /// <summary>What the server takes as <c>Database:ConnectionString</c>: a file path, or a PostgreSQL connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>An empty database of the run's provider; <paramref name="label"/> appears in its name.</summary>
    public static TestDatabase Create(string label) =>
        RunProvider == DatabaseProvider.Postgres ? CreatePostgres(label) : CreateSqlite(label);

    public static TestDatabase CreateSqlite(string label)
    {
        var folder = DataTestSupport.NewTempFolder(label);
        return new TestDatabase(DatabaseProvider.Sqlite, Path.Combine(folder, label + ".db"), folder, null);
    }

    /// <summary>
    /// A new PostgreSQL database. Its default collation is ICU Chinese (pinyin order), as on a server initialised with
    /// a zh_CN locale, so a text order that depended on the database's collation rather than the columns' would show.
    /// </summary>
    public static TestDatabase CreatePostgres(string label)
    {
        var administrator = PostgresAdministrator ?? throw new InvalidOperationException(NotConfigured);
        var name = UniqueName(label);
        using (var connection = new NpgsqlConnection(administrator))
        {
            connection.Open();
            try
            {
                Execute(connection, $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'zh'");
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.FeatureNotSupported or PostgresErrorCodes.InvalidParameterValue or PostgresErrorCodes.SyntaxError)
            {
                Execute(connection, $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'"); // a server without ICU
            }
        }
        var connectionString = new NpgsqlConnectionStringBuilder(administrator) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, null, name);
    }

    /// <summary>A new PostgreSQL database with the tables and rows of <paramref name="template"/> (CREATE DATABASE … TEMPLATE).</summary>
    public static TestDatabase CreatePostgresCopy(string label, TestDatabase template)
    {
        if (template._postgresName == null) throw new ArgumentException("not a PostgreSQL test database", nameof(template));
        NpgsqlConnection.ClearPool(new NpgsqlConnection(template.ConnectionString)); // a template must have no sessions
        var name = UniqueName(label);
        using (var connection = new NpgsqlConnection(PostgresAdministrator))
        {
            connection.Open();
            Execute(connection, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template._postgresName}\"");
        }
        return new TestDatabase(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(template.ConnectionString) { Database = name }.ConnectionString, null, name);
    }

    private static string UniqueName(string label) =>
        $"povertygraph_test_{new string(label.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant()}_{Guid.NewGuid():N}"[..48];

    /// <summary>Options for building this database directly (without a server), as the server would.</summary>
    public DatabaseOptions Options(string profile = "jiaohe") => new()
    {
        Provider = Provider,
        ConnectionString = Provider == DatabaseProvider.Sqlite ? DataTestSupport.ConnectionString(ConnectionString) : ConnectionString,
        SeedDataPath = DataTestSupport.SeedDataPath,
        Profile = profile,
    };

    /// <summary>
    /// An open connection to this database, for reading what the server wrote (read-only on SQLite unless
    /// <paramref name="writable"/>: a test that changes rows under a server should have a database of its own).
    /// The caller disposes it.
    /// </summary>
    public DbConnection Open(bool writable = false)
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(DataTestSupport.ConnectionString(ConnectionString, readOnly: !writable))
            : new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        if (_folder != null)
        {
            SqliteConnection.ClearAllPools();
            DataTestSupport.DeleteQuietly(_folder);
        }
        if (_postgresName != null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            using var connection = new NpgsqlConnection(PostgresAdministrator);
            connection.Open();
            Execute(connection, $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }
}
