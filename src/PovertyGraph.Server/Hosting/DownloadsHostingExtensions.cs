using PovertyGraph.Server.Downloads;
using PovertyGraph.Server.Metadata;
using PovertyGraph.Server.RateLimiting;
using PovertyGraph.Server.Receipts;

namespace PovertyGraph.Server.Hosting;

/// <summary>
/// Open-data publishing: downloads of every collection and grouping (<c>/data/…</c>, options "Downloads"), their CSVW
/// descriptions, the data version's changelog, the DCAT-AP catalogue (<c>/catalog.jsonld</c>) and receipts ("Publishing").
/// </summary>
public static class DownloadsHostingExtensions
{
    public static IHostApplicationBuilder AddPovertyGraphDownloads(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(ConfigurationSections.Bind<DownloadOptions>(builder.Configuration, DownloadOptions.Section, o => o.Problems()));
        services.AddSingleton(ConfigurationSections.Bind<PublishingOptions>(builder.Configuration, PublishingOptions.Section, o => o.Problems()));
        services.AddSingleton<Receipts.Receipts>();
        services.AddSingleton<DownloadSlots>();
        services.AddSingleton<DownloadEvents>();
        services.AddSingleton<RowDownloads>();
        services.AddSingleton<GroupedDownloads>();
        services.AddSingleton<CsvwDescriptions>();
        services.AddSingleton<DownloadEndpoint>();
        services.AddSingleton<DatasetCatalog>();
        services.AddSingleton<Changelog>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPovertyGraphDownloads(this IEndpointRouteBuilder app)
    {
        // Receipts name the data version: read it now, so the first answers do not wait for it.
        app.ServiceProvider.GetRequiredService<Caching.DataVersion>().CurrentAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        var endpoint = app.ServiceProvider.GetRequiredService<DownloadEndpoint>();
        app.MapMethods("/data/changelog", methods, (HttpContext context) => app.ServiceProvider.GetRequiredService<Changelog>().WriteAsync(context))
            .WithDisplayName("Changelog").RequireRateLimiting(CallerRateLimits.Policy);
        app.MapMethods("/data/{file}", methods, (HttpContext context, string file) => endpoint.FileAsync(context, file))
            .WithDisplayName("Download").RequireRateLimiting(CallerRateLimits.Policy);
        app.MapMethods("/data/{collection}/{file}", methods, (HttpContext context, string collection, string file) => endpoint.GroupedAsync(context, collection, file))
            .WithDisplayName("Grouped download").RequireRateLimiting(CallerRateLimits.Policy);
        app.MapMethods("/catalog.jsonld", methods, (HttpContext context) => app.ServiceProvider.GetRequiredService<DatasetCatalog>().WriteAsync(context))
            .WithDisplayName("DCAT-AP catalogue").RequireRateLimiting(CallerRateLimits.Policy);
        return app;
    }
}
