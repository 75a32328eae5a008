using PovertyGraph.GraphQL;
using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.Server.Hosting;

public static class ApiHostingExtensions
{
    /// <summary>The GraphQL API with its options bound from configuration ("Paging", "Statistics").</summary>
    public static IHostApplicationBuilder AddPovertyGraphApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPovertyGraphGraphQL(builder.Configuration.GetPagingOptions(), builder.Configuration.GetStatisticsOptions(),
            builder.Configuration.GetDocumentCacheOptions());
        return builder;
    }

    public static StatisticsOptions GetStatisticsOptions(this IConfiguration configuration) =>
        configuration.GetSection(StatisticsOptions.Section).Get<StatisticsOptions>() ?? new StatisticsOptions();
}
