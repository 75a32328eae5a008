using GraphQL.Types;
using PovertyGraph.GraphQL.Schema;

namespace PovertyGraph.Server.Hosting;

public static class SchemaEndpoint
{
    /// <summary>GET {path}/schema.graphql: the SDL of the running schema (the committed schema/schema.graphql must equal it).</summary>
    public static IEndpointRouteBuilder MapPovertyGraphSchema(this IEndpointRouteBuilder app, string path = "/graphql")
    {
        var sdl = new Lazy<string>(() => SchemaSdl.Print(app.ServiceProvider.GetRequiredService<ISchema>()));
        app.MapGet(path + "/schema.graphql", () => Results.Text(sdl.Value, "text/plain; charset=utf-8"));
        return app;
    }
}
