using PovertyGraph.Server.Explorer;

namespace PovertyGraph.Server.Hosting;

public static class ExplorerHostingExtensions
{
    /// <summary>
    /// The visual explorer: <c>GET {path}</c> is the page, <c>GET {path}/{file}</c> its assets (wwwroot/explore/,
    /// restored from npm at build time). The page reads the data through the public GraphQL endpoint like any front end.
    /// </summary>
    public static IEndpointRouteBuilder MapPovertyGraphExplorer(this IEndpointRouteBuilder app, string path = "/explore")
    {
        var assets = ExplorerAssets.Create(app.ServiceProvider.GetRequiredService<IWebHostEnvironment>());
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods(path, methods, assets.Page).WithDisplayName("Explorer");
        app.MapMethods(path + "/{**file}", methods, (HttpContext context, string? file) =>
                string.IsNullOrEmpty(file) ? Results.Redirect(context.Request.PathBase.Add(path)) : assets.Asset(context, file))
            .WithDisplayName("Explorer assets");
        return app;
    }
}
