namespace PovertyGraph.Server.Hosting;

/// <summary>Resolves relative data paths against the repository root, so the server runs the same from any folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The nearest folder, from the working directory or the binaries upward, that holds PovertyGraph.sln.</summary>
    public static string? Root { get; } = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory);

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PovertyGraph.sln"))) return dir.FullName;
        return null;
    }

    public static string Resolve(string path) =>
        Path.IsPathRooted(path) || path.Contains('=') ? path : Path.GetFullPath(Path.Combine(Root ?? Directory.GetCurrentDirectory(), path));
}
