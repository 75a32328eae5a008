using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace PovertyGraph.Server.Explorer;

/// <summary>
/// The explorer's files in <c>wwwroot/explore/</c> (copied there at build time by Explorer.targets): the page and
/// its scripts, styles and ECharts bundle. Everything is served from this server, nothing from the network.
/// </summary>
internal sealed class ExplorerAssets
{
    public const string Folder = "explore";
    public const string IndexFile = "index.html";

    /// <summary>
    /// The page may load and fetch only from its own origin: a second guarantee, after the build, that it works offline
    /// and sends nothing elsewhere. Inline styles are allowed because ECharts sets style attributes on what it draws;
    /// blob: URLs are the CSV downloads the page makes itself.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly IWebHostEnvironment _environment;
    private IFileProvider? _files;

    public ExplorerAssets(IWebHostEnvironment environment) => _environment = environment;

    /// <summary>The page, or a short page saying it has not been built.</summary>
    public IResult Page(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        var file = Find(IndexFile);
        return file is null
            ? Results.Content(NotBuiltPage, "text/html; charset=utf-8")
            : Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8", lastModified: file.LastModified, entityTag: Tag(file));
    }

    /// <summary>Serves <c>/explore/{path}</c> from <c>wwwroot/explore/</c>: 404 for anything else.</summary>
    public IResult Asset(HttpContext context, string subpath)
    {
        if (subpath.Contains('\\') || subpath.Contains("..", StringComparison.Ordinal) || subpath.StartsWith('/'))
            return Results.NotFound();
        var file = Find(subpath);
        if (file is null)
            return Results.NotFound();
        if (!ContentTypes.TryGetContentType(file.Name, out var contentType))
            contentType = "application/octet-stream";
        else if (contentType.StartsWith("text/", StringComparison.Ordinal))
            contentType += "; charset=utf-8";
        // Rebuilt with the server: revalidate (cheap, with the ETag) rather than keep a stale page.
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(file.CreateReadStream(), contentType, lastModified: file.LastModified, entityTag: Tag(file),
            enableRangeProcessing: true);
    }

    private static EntityTagHeaderValue Tag(IFileInfo file) => new($"\"{file.Length:x}-{file.LastModified.UtcTicks:x}\"");

    private IFileInfo? Find(string subpath)
    {
        var file = Files()?.GetFileInfo(subpath);
        return file is { Exists: true, IsDirectory: false } ? file : null;
    }

    /// <summary>
    /// wwwroot/explore/ beside the web root, the content root or the binaries, whichever exists first; looked for
    /// again until found, since the web root is fixed at start-up and the assets may be built later.
    /// </summary>
    private IFileProvider? Files()
    {
        if (_files is not null)
            return _files;
        var folder = new[]
            {
                _environment.WebRootPath,
                Path.Combine(_environment.ContentRootPath, "wwwroot"),
                Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            }
            .Where(root => !string.IsNullOrEmpty(root))
            .Select(root => Path.Combine(root!, Folder))
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, IndexFile)));
        if (folder is not null)
            Interlocked.CompareExchange(ref _files, new PhysicalFileProvider(Path.GetFullPath(folder)), null);
        return _files;
    }

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
