using PovertyGraph.Server.WebAssets;

namespace PovertyGraph.Server.Http;

/// <summary>
/// The GraphiQL IDE's files in <c>wwwroot/graphiql/</c>: its page for a browser's GET of the GraphQL endpoint, and the
/// files beside it under <c>/graphiql/</c>.
/// </summary>
internal static class GraphiQLAssets
{
    public const string Folder = "graphiql";

    public static BuiltAssetFolder Create(IWebHostEnvironment environment) => new(environment, Folder, NotBuiltPage);

    private const string NotBuiltPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>PovertyGraph GraphQL</title></head>
        <body>
        <h1>PovertyGraph GraphQL</h1>
        <p>The GraphiQL IDE is not built: <code>wwwroot/graphiql/index.html</code> was not found.
        Build the server project (its build restores the IDE's assets) and reload this page.</p>
        <p>The API itself is available: <code>POST /graphql</code> with a JSON body such as
        <code>{"query": "{ __typename }"}</code>.</p>
        </body>
        </html>
        """;
}
