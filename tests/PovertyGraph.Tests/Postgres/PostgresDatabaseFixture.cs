using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;

namespace PovertyGraph.Tests.Postgres;

/// <summary>
/// The jiaohe profile built once on PostgreSQL (through COPY) and once on SQLite, for the PostgreSQL-only tests.
/// Tests that change a database take a copy (<see cref="FreshCopy"/>). Nothing is built when PostgreSQL is not
/// configured: the tests using this fixture are then skipped.
/// </summary>
public sealed class PostgresDatabaseFixture : IDisposable
{
    private readonly Lazy<TestDatabase> _postgres = new(() => Built(TestDatabase.CreatePostgres("jiaohe")));
    private readonly Lazy<TestDatabase> _sqlite = new(() => Built(TestDatabase.CreateSqlite("jiaohe")));

    public TestDatabase Postgres => _postgres.Value;
    public TestDatabase Sqlite => _sqlite.Value;

    /// <summary>A new PostgreSQL database holding what the build wrote; the caller disposes it.</summary>
    public TestDatabase FreshCopy(string label) => TestDatabase.CreatePostgresCopy(label, Postgres);

    /// <summary>Migrates and builds the profile into the database, as the server's first start does.</summary>
    public static TestDatabase Built(TestDatabase database, string profile = "jiaohe")
    {
        using var services = Services(database, profile);
        if (!services.GetRequiredService<DatabaseBootstrapper>().EnsureReady()) throw new InvalidOperationException("already built");
        return database;
    }

    /// <summary>The data services the server would register for this database.</summary>
    public static ServiceProvider Services(TestDatabase database, string profile = "jiaohe") =>
        new ServiceCollection().AddPovertyGraphData(database.Options(profile)).BuildServiceProvider();

    /// <summary>A context on the database, from <paramref name="services"/>.</summary>
    public static PovertyGraphDbContext Context(ServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>().CreateDbContext();

    public void Dispose()
    {
        if (_postgres.IsValueCreated) _postgres.Value.Dispose();
        if (_sqlite.IsValueCreated) _sqlite.Value.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresDatabaseCollection : ICollectionFixture<PostgresDatabaseFixture>
{
    public const string Name = "postgres: jiaohe database";
}
