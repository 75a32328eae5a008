using Microsoft.Extensions.DependencyInjection.Extensions;
using PovertyGraph.GraphQL.Cost;
using PovertyGraph.GraphQL.Limits;

namespace PovertyGraph.Server.Hosting;

public static class LimitsHostingExtensions
{
    /// <summary>Cost budgets and limits per operation ("Cost"), time limits and the expensive-operations queue ("Limits").</summary>
    public static IHostApplicationBuilder AddPovertyGraphLimits(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.Replace(ServiceDescriptor.Singleton(ConfigurationSections.Bind<CostOptions>(configuration, CostOptions.Section, o => o.Problems())));
        builder.Services.Replace(ServiceDescriptor.Singleton(ConfigurationSections.Bind<LimitsOptions>(configuration, LimitsOptions.Section, o => o.Problems())));
        return builder;
    }
}
