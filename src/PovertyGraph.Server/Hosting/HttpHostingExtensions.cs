using Microsoft.Extensions.DependencyInjection.Extensions;
using PovertyGraph.Server.Caching;
using PovertyGraph.Server.Documents;

namespace PovertyGraph.Server.Hosting;

public static class HttpHostingExtensions
{
    /// <summary>What the GraphQL endpoint needs besides GraphQL: persisted documents ("PersistedDocuments") and HTTP caching ("HttpCaching").</summary>
    public static IHostApplicationBuilder AddPovertyGraphHttp(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var documents = ConfigurationSections.Bind<PersistedDocumentOptions>(builder.Configuration, PersistedDocumentOptions.Section, NoProblems);
        services.AddSingleton(documents);
        services.AddSingleton(new PersistedDocumentStore(documents, RepositoryPaths.Resolve(documents.Folder)));
        services.AddSingleton<PersistedDocumentResolver>();

        services.AddSingleton(ConfigurationSections.Bind<HttpCachingOptions>(builder.Configuration, HttpCachingOptions.Section, o => o.Problems()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DataVersion>();
        services.AddSingleton<GraphQLResponseCaching>();
        return builder;
    }

    private static IReadOnlyList<string> NoProblems<T>(T options) => [];
}
