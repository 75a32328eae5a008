using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace PovertyGraph.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers a pooled context factory for the configured provider, exposed as the provider-neutral type: the one
    /// everything reads through. Writes take <see cref="PrimaryDbContextFactory"/>: the same pool, or, with read
    /// replicas, a pool of its own on the primary while the neutral factory reads from the replicas.
    /// </summary>
    public static IServiceCollection AddPovertyGraphData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        var log = new SqlCommandLog();
        services.AddSingleton(log);
        if (options.EffectiveProvider == DatabaseProvider.Postgres)
        {
            if (options.ReadReplicas.Count > 0)
            {
                services.AddSingleton(_ => ReadReplicaDataSource.Create(options));
                services.AddPooledDbContextFactory<PostgresPovertyGraphDbContext>((sp, b) =>
                    Configure(b, options, log, sp.GetRequiredService<ReadReplicaDataSource>().DataSource));
                var primary = new DbContextOptionsBuilder<PostgresPovertyGraphDbContext>();
                Configure(primary, options, log);
                var primaryPool = new PooledDbContextFactory<PostgresPovertyGraphDbContext>(primary.Options);
                services.AddSingleton(new PrimaryDbContextFactory(primaryPool.CreateDbContext));
            }
            else
            {
                services.AddPooledDbContextFactory<PostgresPovertyGraphDbContext>(b => Configure(b, options, log));
                services.AddSingleton(sp => Primary<PostgresPovertyGraphDbContext>(sp));
            }
            services.AddSingleton<IDbContextFactory<PovertyGraphDbContext>>(sp =>
                new FactoryAdapter<PostgresPovertyGraphDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresPovertyGraphDbContext>>()));
        }
        else
        {
            if (options.ReadReplicas.Count > 0)
                throw new InvalidOperationException("Database:ReadReplicas are PostgreSQL streaming replicas; the configured database is SQLite.");
            services.AddPooledDbContextFactory<SqlitePovertyGraphDbContext>(b => Configure(b, options, log));
            services.AddSingleton(sp => Primary<SqlitePovertyGraphDbContext>(sp));
            services.AddSingleton<IDbContextFactory<PovertyGraphDbContext>>(sp =>
                new FactoryAdapter<SqlitePovertyGraphDbContext>(sp.GetRequiredService<IDbContextFactory<SqlitePovertyGraphDbContext>>()));
        }
        services.AddSingleton<DatabaseBootstrapper>();
        return services;
    }

    /// <param name="dataSource">Where connections come from instead of the connection string (PostgreSQL's read replicas).</param>
    public static void Configure(DbContextOptionsBuilder b, DatabaseOptions options, SqlCommandLog? log = null, DbDataSource? dataSource = null)
    {
        if (log != null) b.AddInterceptors(log);
        if (options.EffectiveProvider == DatabaseProvider.Postgres)
        {
            if (dataSource != null) b.UseNpgsql(dataSource);
            else b.UseNpgsql(options.ConnectionString);
        }
        else
        {
            b.UseSqlite(SqliteConnectionString(options.ConnectionString)).AddInterceptors(SqliteInterruptOnCancel.Instance);
        }

        b.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        // Anything EF cannot translate must fail loudly rather than run in memory.
        b.ConfigureWarnings(w => w.Throw(RelationalEventId.MultipleCollectionIncludeWarning));
    }

    public static string SqliteConnectionString(string value)
    {
        if (value.Contains('=')) return value;
        var full = Path.GetFullPath(value);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new SqliteConnectionStringBuilder { DataSource = full, Cache = SqliteCacheMode.Private, Pooling = true }.ToString();
    }

    /// <summary>Writes on the provider's own pool (no replicas): the pool everything reads from too.</summary>
    private static PrimaryDbContextFactory Primary<T>(IServiceProvider services) where T : PovertyGraphDbContext
    {
        var pool = services.GetRequiredService<IDbContextFactory<T>>();
        return new PrimaryDbContextFactory(pool.CreateDbContext);
    }

    private sealed class FactoryAdapter<T>(IDbContextFactory<T> inner) : IDbContextFactory<PovertyGraphDbContext>
        where T : PovertyGraphDbContext
    {
        public PovertyGraphDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
