using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Limits;
using PovertyGraph.GraphQL.Machinery;
using PovertyGraph.GraphQL.Schema;
using PovertyGraph.GraphQL.Telemetry;

namespace PovertyGraph.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>Registers the model, the machinery and the schema; GraphQL.NET's executer is IDocumentExecuter&lt;ISchema&gt;.</summary>
    public static IServiceCollection AddPovertyGraphGraphQL(this IServiceCollection services, PagingOptions? paging = null, StatisticsOptions? statistics = null,
        DocumentCacheOptions? documentCache = null)
    {
        services.AddSingleton(documentCache ?? new DocumentCacheOptions());
        services.TryAddSingleton<ServerMetrics>();
        paging ??= new PagingOptions();
        services.AddSingleton(statistics ?? new StatisticsOptions());
        services.AddSingleton(paging);
        services.AddSingleton(ApiModel.Build());
        services.AddSingleton(new CursorCodec(Encoding.UTF8.GetBytes(paging.CursorKey)));
        services.AddSingleton(new PreparedPages(paging.PreparedPages));
        services.TryAddSingleton<IStatisticsProtection, CellKeyProtection>();
        services.TryAddScoped<IViewerAccessor, PublicViewerAccessor>();
        services.AddScoped(sp => new QueryRuntime(
            sp.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>(), sp.GetRequiredService<EntityModel>(), paging,
            sp.GetRequiredService<CursorCodec>(), sp.GetRequiredService<IStatisticsProtection>(), sp.GetRequiredService<IViewerAccessor>().Current,
            sp.GetRequiredService<PreparedPages>()));
        services.AddGraphQL(b => b
            .AddSchema<PovertyGraphSchema>()
            .AddGraphTypes(typeof(PovertyGraphSchema).Assembly)
            // Chinese text readable in responses; HTML-sensitive characters stay escaped.
            .AddSystemTextJson(o => o.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All))
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false)
            // Depth, fields, aliases and cost per role, before any SQL; time limits; expensive operations queued.
            .AddPovertyGraphLimits()
            .AddDocumentListener<AuditListener>(global::GraphQL.DI.ServiceLifetime.Singleton)
            // Serial: a level's data-loader statements still batch; resolvers run without a task per field, and
            // row fields without a resolve-field context (DirectExecutionStrategy).
            .AddExecutionStrategy<DirectExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .ConfigureExecution<RequestRuntime>()
            .ConfigureExecution<DocumentCache>());
        services.AddSingleton<ISchema>(sp => sp.GetRequiredService<PovertyGraphSchema>());
        // After AddGraphQL, so it replaces GraphQL.NET's validator (which it wraps).
        services.AddSingleton<ConstantArgumentsValidator>();
        services.AddSingleton<global::GraphQL.Validation.IDocumentValidator>(sp => sp.GetRequiredService<ConstantArgumentsValidator>());
        return services;
    }
}
