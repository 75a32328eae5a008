namespace PovertyGraph.Server.Hosting;

/// <summary>
/// The <c>Cors</c> configuration section: which web origins may call the API from a browser. None by default.
/// <c>AllowedOrigins</c> is a list (<c>Cors__AllowedOrigins__0=https://a.example</c>) or one comma-separated value
/// (<c>Cors__AllowedOrigins=https://a.example,https://b.example</c>); <c>*</c> allows every origin.
/// </summary>
public sealed class CrossOriginOptions
{
    public const string Section = "Cors";

    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>How long a browser may cache a preflight answer (default 600 s).</summary>
    public int PreflightMaxAgeSeconds { get; init; } = 600;

    public bool AllowsAnyOrigin => AllowedOrigins.Contains("*");

    /// <summary>Reads and checks the section; an origin that is not <c>scheme://host[:port]</c> stops the server with the reason.</summary>
    public static CrossOriginOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var listed = section.GetSection(nameof(AllowedOrigins));
        // A list wins over a single value (appsettings.json's empty list is an empty value).
        var children = listed.GetChildren().Select(c => c.Value ?? "").ToList();
        var values = children.Count > 0 ? children : [.. (listed.Value ?? "").Split(',')];
        var origins = values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var origin in origins)
        {
            if (origin == "*") continue;
            if (!IsOrigin(origin))
            {
                throw new InvalidOperationException(
                    $"Cors:AllowedOrigins: '{origin}' is not an origin; write scheme://host[:port] with no path or trailing slash, e.g. https://maps.example.org");
            }
        }
        var maxAge = section.GetValue(nameof(PreflightMaxAgeSeconds), 600);
        if (maxAge is < 0 or > 86400)
            throw new InvalidOperationException("Cors:PreflightMaxAgeSeconds must be between 0 and 86400.");
        return new CrossOriginOptions { AllowedOrigins = origins, PreflightMaxAgeSeconds = maxAge };
    }

    private static bool IsOrigin(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0 && !text.EndsWith('/');
}
