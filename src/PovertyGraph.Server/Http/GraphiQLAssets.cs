using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace PovertyGraph.Server.Http;

/// <summary>
/// The GraphiQL IDE: <c>wwwroot/graphiql/index.html</c> for a browser's GET of the GraphQL endpoint and the files
/// beside it under <c>/graphiql/</c>. Everything is served from the web root, nothing from the network.
/// </summary>
internal sealed class GraphiQLAssets
{
    public const string Folder = "graphiql";
    public const string IndexFile = "index.html";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly IWebHostEnvironment _environment;
    private readonly object _gate = new();
    private IFileProvider? _fallback;

    public GraphiQLAssets(IWebHostEnvironment environment) => _environment = environment;

    /// <summary>Writes the IDE page, or a short page saying the IDE has not been built.</summary>
    public async Task WritePageAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        if (HttpMethods.IsHead(context.Request.Method))
            return;

        var file = Find($"{Folder}/{IndexFile}");
        if (file is null)
        {
            await response.WriteAsync(NotBuiltPage, context.RequestAborted);
            return;
        }
        await using var stream = file.CreateReadStream();
        await stream.CopyToAsync(response.Body, context.RequestAborted);
    }

    /// <summary>Serves <c>/graphiql/{path}</c> from <c>wwwroot/graphiql/</c>: 404 for anything else.</summary>
    public IResult Asset(HttpContext context, string subpath)
    {
        if (subpath.Contains('\\') || subpath.Contains("..", StringComparison.Ordinal) || subpath.StartsWith('/'))
            return Results.NotFound();
        var file = Find($"{Folder}/{subpath}");
        if (file is null)
            return Results.NotFound();
        if (!ContentTypes.TryGetContentType(file.Name, out var contentType))
            contentType = "application/octet-stream";
        else if (contentType.StartsWith("text/", StringComparison.Ordinal))
            contentType += "; charset=utf-8";
        // Rebuilt with the server: revalidate (cheap, with the ETag) rather than keep a stale IDE.
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var etag = new EntityTagHeaderValue($"\"{file.Length:x}-{file.LastModified.UtcTicks:x}\"");
        return Results.Stream(file.CreateReadStream(), contentType, lastModified: file.LastModified, entityTag: etag,
            enableRangeProcessing: true);
    }

    private IFileInfo? Find(string subpath)
    {
        var file = _environment.WebRootFileProvider.GetFileInfo(subpath);
        if (file.Exists && !file.IsDirectory)
            return file;
        // The web root is fixed at start-up; if wwwroot did not exist then (assets built later, or the server
        // started from another directory), look for it beside the content root and beside the binaries.
        var fallback = Fallback();
        if (fallback is null)
            return null;
        file = fallback.GetFileInfo(subpath);
        return file.Exists && !file.IsDirectory ? file : null;
    }

    private IFileProvider? Fallback()
    {
        if (_fallback is not null)
            return _fallback;
        lock (_gate)
        {
            if (_fallback is not null)
                return _fallback;
            var roots = new[]
                {
                    _environment.WebRootPath,
                    Path.Combine(_environment.ContentRootPath, "wwwroot"),
                    Path.Combine(AppContext.BaseDirectory, "wwwroot"),
                }
                .Where(p => !string.IsNullOrEmpty(p) && Directory.Exists(Path.Combine(p!, Folder)))
                .Select(p => Path.GetFullPath(p!))
                .Distinct()
                .ToList();
            if (roots.Count == 0)
                return null;
            _fallback = roots.Count == 1
                ? new PhysicalFileProvider(roots[0])
                : new CompositeFileProvider(roots.Select(r => (IFileProvider)new PhysicalFileProvider(r)));
            return _fallback;
        }
    }

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
