using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace PovertyGraph.Server.WebAssets;

/// <summary>
/// One folder of browser assets under <c>wwwroot/</c>, restored from npm and copied there at build time
/// (NpmWebAssets.targets): its page and the files beside it, served from this server with ETags, nothing from the
/// network. The GraphiQL IDE and the explorer are each one of these.
/// </summary>
internal sealed class BuiltAssetFolder
{
    public const string IndexFile = "index.html";
    private const string Html = "text/html; charset=utf-8";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly IWebHostEnvironment _environment;
    private readonly string _folder;
    private readonly string _notBuiltPage;
    private readonly string? _contentSecurityPolicy;
    private IFileProvider? _files;

    /// <param name="folder">The folder's name under wwwroot/.</param>
    /// <param name="notBuiltPage">What the page's address shows when the folder has not been built.</param>
    /// <param name="contentSecurityPolicy">Sent with the page, if given.</param>
    public BuiltAssetFolder(IWebHostEnvironment environment, string folder, string notBuiltPage, string? contentSecurityPolicy = null)
    {
        _environment = environment;
        _folder = folder;
        _notBuiltPage = notBuiltPage;
        _contentSecurityPolicy = contentSecurityPolicy;
    }

    /// <summary>The folder's index page, or the page saying it has not been built.</summary>
    public IResult Page(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (_contentSecurityPolicy is not null)
        {
            headers.ContentSecurityPolicy = _contentSecurityPolicy;
        }

        var file = Find(IndexFile);
        return file is null
            ? Results.Content(_notBuiltPage, Html)
            : Results.Stream(file.CreateReadStream(), Html, lastModified: file.LastModified, entityTag: Tag(file));
    }

    /// <summary>A file of the folder by its path inside it: 404 for anything else, and for any path leaving it.</summary>
    public IResult Asset(HttpContext context, string subpath)
    {
        if (subpath.Contains('\\') || subpath.Contains("..", StringComparison.Ordinal) || subpath.StartsWith('/'))
        {
            return Results.NotFound();
        }

        var file = Find(subpath);
        if (file is null)
        {
            return Results.NotFound();
        }

        if (!ContentTypes.TryGetContentType(file.Name, out var contentType))
        {
            contentType = "application/octet-stream";
        }
        else if (contentType.StartsWith("text/", StringComparison.Ordinal))
        {
            contentType += "; charset=utf-8";
        }

        // Rebuilt with the server: revalidate (cheap, with the ETag) rather than keep a stale copy.
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
    /// wwwroot/{folder}/ beside the web root, the content root or the binaries, whichever has the page first; looked
    /// for again until found, since the web root is fixed at start-up and the assets may be built later.
    /// </summary>
    private IFileProvider? Files()
    {
        if (_files is not null)
        {
            return _files;
        }

        var folder = new[]
            {
                _environment.WebRootPath,
                Path.Combine(_environment.ContentRootPath, "wwwroot"),
                Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            }
            .Where(root => !string.IsNullOrEmpty(root))
            .Select(root => Path.Combine(root!, _folder))
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, IndexFile)));
        if (folder is not null)
        {
            Interlocked.CompareExchange(ref _files, new PhysicalFileProvider(Path.GetFullPath(folder)), null);
        }

        return _files;
    }
}
