using PovertyGraph.Data;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.Server.Hosting;

public static class DataHostingExtensions
{
    /// <summary>Binds the "Database" section, resolving its paths against the repository root.</summary>
    public static DatabaseOptions GetDatabaseOptions(this IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.EffectiveProvider == DatabaseProvider.Sqlite) options.ConnectionString = RepositoryPaths.Resolve(options.ConnectionString);
        options.SeedDataPath = RepositoryPaths.Resolve(options.SeedDataPath);
        return options;
    }

    public static PagingOptions GetPagingOptions(this IConfiguration configuration) =>
        configuration.GetSection(PagingOptions.Section).Get<PagingOptions>() ?? new PagingOptions();

    public static DocumentCacheOptions GetDocumentCacheOptions(this IConfiguration configuration) =>
        configuration.GetSection(DocumentCacheOptions.Section).Get<DocumentCacheOptions>() ?? new DocumentCacheOptions();

    public static IHostApplicationBuilder AddPovertyGraphData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPovertyGraphData(builder.Configuration.GetDatabaseOptions());
        return builder;
    }

    /// <summary>Migrates and, on first run, builds the dataset before the server accepts requests.</summary>
    public static WebApplication UsePovertyGraphDatabase(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PovertyGraph.Database");
        if (app.Services.GetService<ReadReplicaDataSource>() is { } replicas)
            log.LogInformation("reads go to the first standby that answers of {Hosts} (the primary last); writes to the primary", string.Join(", ", replicas.Hosts));
        app.Services.GetRequiredService<DatabaseBootstrapper>().EnsureReady(message => log.LogInformation("{Message}", message));
        return app;
    }
}
