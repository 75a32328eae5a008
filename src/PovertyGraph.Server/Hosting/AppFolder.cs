namespace PovertyGraph.Server.Hosting;

/// <summary>
/// The server's own folder (where its binaries, appsettings.json and wwwroot/ are) is its content root, so it
/// starts the same from any working directory. An explicit content root (<c>--contentRoot</c>,
/// <c>ASPNETCORE_CONTENTROOT</c>, <c>DOTNET_CONTENTROOT</c>) still wins.
/// </summary>
public static class AppFolder
{
    public static string Path => AppContext.BaseDirectory;

    public static WebApplicationOptions BuilderOptions(string[] args) => new()
    {
        Args = args,
        ContentRootPath = ExplicitContentRoot(args) ? null : Path,
    };

    private static bool ExplicitContentRoot(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
