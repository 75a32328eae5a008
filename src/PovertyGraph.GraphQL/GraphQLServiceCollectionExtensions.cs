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
using PovertyGraph.GraphQL.Model;
using PovertyGraph.GraphQL.Planning;
using PovertyGraph.GraphQL.Schema;
using PovertyGraph.GraphQL.Telemetry;

namespace PovertyGraph.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// Registers the model (declared in Types/, checked here: an undeclared personal field stops the server from
    /// starting), planning, execution and the schema; GraphQL.NET's executer is IDocumentExecuter&lt;ISchema&gt;.
    /// </summary>
    public static IServiceCollection AddPovertyGraphGraphQL(this IServiceCollection services, PagingOptions? paging = null, StatisticsOptions? statistics = null,
        DocumentCacheOptions? documentCache = null, EntityModel? model = null)
    {
        services.AddSingleton(documentCache ?? new DocumentCacheOptions());
        services.TryAddSingleton<ServerMetrics>();
        paging ??= new PagingOptions();
        model = (model ?? ApiModel.Build()) is { Sealed: true } sealedModel ? sealedModel : model!.Seal();
        services.AddSingleton(statistics ?? new StatisticsOptions());
        services.AddSingleton(paging);
        services.AddSingleton(model);
        var cursors = new CursorCodec(Encoding.UTF8.GetBytes(paging.CursorKey));
        services.AddSingleton(cursors);
        services.AddSingleton(new Planner(model, paging, cursors));
        services.AddSingleton(new CompiledPlans(paging.CompiledPlans));
        services.TryAddSingleton<IStatisticsProtection, CellKeyProtection>();
        // The one place the protection's parameters are read from (dataset, downloads' metadata).
        services.TryAddSingleton(sp => sp.GetRequiredService<IStatisticsProtection>().Parameters);
        services.TryAddScoped<IViewerAccessor, PublicViewerAccessor>();
        services.AddScoped(sp => new QueryRuntime(
            sp.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>(), sp.GetRequiredService<Planner>(), cursors,
            sp.GetRequiredService<IStatisticsProtection>(), sp.GetRequiredService<CompiledPlans>(), sp.GetRequiredService<IViewerAccessor>().Current));
        services.AddGraphQL(b => b
            .AddSchema<PovertyGraphSchema>()
            .AddGraphTypes(typeof(PovertyGraphSchema).Assembly)
            // Chinese text readable in responses; HTML-sensitive characters stay escaped.
            .AddSystemTextJson(o => o.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All))
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false)
            // Depth, fields, aliases and cost per role, before any SQL; time limits; expensive operations queued.
            .AddPovertyGraphLimits()
            .AddDocumentListener<AuditListener>(global::GraphQL.DI.ServiceLifetime.Singleton)
            // Serial: a level's data-loader statements still batch, and resolvers run without a task per field.
            .AddExecutionStrategy<global::GraphQL.Execution.SerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .ConfigureExecution<RequestRuntime>()
            .ConfigureExecution<DocumentCache>());
        services.AddSingleton<ISchema>(sp => sp.GetRequiredService<PovertyGraphSchema>());
        return services;
    }
}
