using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PovertyGraph.Data;

namespace PovertyGraph.Tests.Limits;

/// <summary>
/// A server with short time limits and a one-at-a-time expensive-operations queue, whose database contexts carry the
/// <see cref="SlowStatementHook"/>: the only way a statement there is slow. Its own database file.
/// </summary>
public sealed class LimitsFactory : PovertyGraphFactory
{
    public const double PublicSeconds = 2;
    public const long ExpensivePoints = 50;

    private static readonly string OwnDatabase = Path.Combine(Path.GetTempPath(), "povertygraph-tests", $"limits-{Environment.ProcessId}.db");

    public SlowStatementHook Hook { get; } = new();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Database:ConnectionString"] = OwnDatabase;
            settings["Limits:TimeLimitSeconds:Public"] = PublicSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Limits:ExpensivePoints"] = ExpensivePoints.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Limits:ExpensiveConcurrency"] = "1";
            settings["Limits:ExpensiveQueueLength"] = "0";
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IDbContextFactory<PovertyGraphDbContext>>(sp =>
            new HookedContexts(sp.GetRequiredService<DatabaseOptions>(), sp.GetRequiredService<SqlCommandLog>(), Hook))));
    }

    /// <summary>Contexts configured as the server's own, plus the hook.</summary>
    private sealed class HookedContexts : IDbContextFactory<PovertyGraphDbContext>
    {
        private readonly DbContextOptions<SqlitePovertyGraphDbContext> _options;

        public HookedContexts(DatabaseOptions database, SqlCommandLog log, SlowStatementHook hook)
        {
            var builder = new DbContextOptionsBuilder<SqlitePovertyGraphDbContext>();
            DataServiceCollectionExtensions.Configure(builder, database, log);
            builder.AddInterceptors(hook);
            _options = builder.Options;
        }

        public PovertyGraphDbContext CreateDbContext() => new SqlitePovertyGraphDbContext(_options);
    }
}

[CollectionDefinition(Name)]
public sealed class LimitsCollection : ICollectionFixture<LimitsFactory>
{
    public const string Name = "limits";
}
