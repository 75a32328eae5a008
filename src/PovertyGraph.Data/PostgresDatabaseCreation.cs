using Npgsql;

namespace PovertyGraph.Data;

/// <summary>
/// Creates the PostgreSQL database a connection string names when it does not exist yet, so a first start against an
/// empty server says "creating database …" instead of logging the failed connection EF's migrator would first make
/// (it creates the database too, after that error). Connects to the server's maintenance database with the same
/// credentials; when that is not allowed, leaves the creation to the migrator.
/// </summary>
public static class PostgresDatabaseCreation
{
    public static void EnsureExists(string connectionString, Action<string> progress)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database)) return;
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        try
        {
            using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", connection);
            exists.Parameters.AddWithValue("name", target.Database);
            if ((bool)exists.ExecuteScalar()!) return;
            progress($"creating the PostgreSQL database {target.Database}");
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database.Replace("\"", "\"\"")}\" ENCODING 'UTF8'", connection);
            create.ExecuteNonQuery();
        }
        catch (PostgresException) { /* no access to the maintenance database, or a race with another starter: EF's turn */ }
    }
}
