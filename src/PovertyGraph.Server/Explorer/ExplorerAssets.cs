using PovertyGraph.Server.WebAssets;

namespace PovertyGraph.Server.Explorer;

/// <summary>
/// The explorer's files in <c>wwwroot/explore/</c>: the page and its scripts, styles and ECharts bundle.
/// </summary>
internal static class ExplorerAssets
{
    public const string Folder = "explore";

    /// <summary>
    /// The page may load and fetch only from its own origin: a second guarantee, after the build, that it works offline
    /// and sends nothing elsewhere. Inline styles are allowed because ECharts sets style attributes on what it draws;
    /// blob: URLs are the CSV downloads the page makes itself.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    public static BuiltAssetFolder Create(IWebHostEnvironment environment) =>
        new(environment, Folder, NotBuiltPage, ContentSecurityPolicy);

    private const string NotBuiltPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>PovertyGraph explorer</title></head>
        <body>
        <h1>PovertyGraph explorer</h1>
        <p>The explorer is not built: <code>wwwroot/explore/index.html</code> was not found.
        Build the server project (its build restores the explorer's assets from npm) and reload this page.</p>
        <p>The API itself is available at <code>/graphql</code>.</p>
        </body>
        </html>
        """;
}
