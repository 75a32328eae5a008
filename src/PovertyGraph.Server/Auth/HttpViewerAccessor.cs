using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.Server.Auth;

/// <summary>
/// The caller of the current HTTP request, from the principal that <see cref="BearerTokenGate"/> authenticated:
/// PUBLIC without a token. Requests with an invalid token never get this far (they are answered 401).
/// </summary>
public sealed class HttpViewerAccessor : IViewerAccessor
{
    private readonly IHttpContextAccessor _http;
    private readonly ViewerResolver _resolver;
    private Viewer? _current;

    public HttpViewerAccessor(IHttpContextAccessor http, ViewerResolver resolver)
    {
        _http = http;
        _resolver = resolver;
    }

    public Viewer Current => _current ??= Build();

    private Viewer Build()
    {
        var user = _http.HttpContext?.User;
        if (user?.Identities.Any(i => i.IsAuthenticated) != true)
            return Viewer.Public;
        var resolution = _resolver.Resolve(user);
        // Fail closed: an authenticated principal that describes no valid viewer is an error, never PUBLIC.
        return resolution.Viewer ?? throw new InvalidOperationException("The authenticated principal does not describe a valid viewer: " + resolution.Rejection);
    }
}
