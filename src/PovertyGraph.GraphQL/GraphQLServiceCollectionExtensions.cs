using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.GraphQL.Schema;

namespace PovertyGraph.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>Registers the schema and GraphQL.NET's executer (resolved as IDocumentExecuter&lt;ISchema&gt;).</summary>
    public static IServiceCollection AddPovertyGraphGraphQL(this IServiceCollection services)
    {
        services.AddGraphQL(b => b
            .AddSchema<PovertyGraphSchema>()
            .AddSystemTextJson()
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false));
        services.AddSingleton<ISchema>(sp => sp.GetRequiredService<PovertyGraphSchema>());
        return services;
    }
}
