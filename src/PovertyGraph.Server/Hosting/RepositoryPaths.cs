namespace PovertyGraph.Server.Hosting;

/// <summary>
/// Resolves the relative paths of the configuration (database file, seed data, schema) against one base folder,
/// never the working directory, so the server runs the same from any folder: the repository root when the server
/// runs from a checkout's build output (<c>dotnet run</c>, tests, benchmarks), otherwise the server's own folder
/// (a published server, which ships <c>seed-data/</c> beside its binaries and keeps its database in <c>data/</c> there).
/// </summary>
public static class RepositoryPaths
{
    /// <summary>The nearest folder above the server's binaries that holds PovertyGraph.sln, or null outside a checkout.</summary>
    public static string? Root { get; } = FindRoot(AppContext.BaseDirectory);

    /// <summary>The folder relative paths are resolved against.</summary>
    public static string Base => Root ?? AppFolder.Path;

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PovertyGraph.sln"))) return dir.FullName;
        return null;
    }

    public static string Resolve(string path) =>
        Path.IsPathRooted(path) || path.Contains('=') ? path : Path.GetFullPath(Path.Combine(Base, path));
}
