using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace PovertyGraph.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers a pooled context factory for the configured provider, exposed as the provider-neutral type.</summary>
    public static IServiceCollection AddPovertyGraphData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        var log = new SqlCommandLog();
        services.AddSingleton(log);
        if (options.EffectiveProvider == DatabaseProvider.Postgres)
        {
            services.AddPooledDbContextFactory<PostgresPovertyGraphDbContext>(b => Configure(b, options, log));
            services.AddSingleton<IDbContextFactory<PovertyGraphDbContext>>(sp =>
                new FactoryAdapter<PostgresPovertyGraphDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresPovertyGraphDbContext>>()));
        }
        else
        {
            services.AddPooledDbContextFactory<SqlitePovertyGraphDbContext>(b => Configure(b, options, log));
            services.AddSingleton<IDbContextFactory<PovertyGraphDbContext>>(sp =>
                new FactoryAdapter<SqlitePovertyGraphDbContext>(sp.GetRequiredService<IDbContextFactory<SqlitePovertyGraphDbContext>>()));
        }
        services.AddSingleton<DatabaseBootstrapper>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder b, DatabaseOptions options, SqlCommandLog? log = null)
    {
        if (log != null) b.AddInterceptors(log);
        if (options.EffectiveProvider == DatabaseProvider.Postgres)
            b.UseNpgsql(options.ConnectionString);
        else
            b.UseSqlite(SqliteConnectionString(options.ConnectionString)).AddInterceptors(SqliteInterruptOnCancel.Instance);
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

    private sealed class FactoryAdapter<T>(IDbContextFactory<T> inner) : IDbContextFactory<PovertyGraphDbContext>
        where T : PovertyGraphDbContext
    {
        public PovertyGraphDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
