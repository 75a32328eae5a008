namespace PovertyGraph.Tests.Browser;

/// <summary>
/// How <see cref="ServerProcess"/> starts the server. The defaults: the solution's own build output, started in its
/// folder, with a temporary SQLite database.
/// </summary>
/// <param name="ServerDll">Another copy of the server (a publish folder's PovertyGraph.Server.dll).</param>
/// <param name="WorkingDirectory">The working directory of the process (default: the server's folder).</param>
/// <param name="Arguments">More command-line arguments (<c>--Key=value</c>).</param>
/// <param name="DefaultDatabase">Use the configured database path instead of a temporary file (not deleted afterwards).</param>
/// <param name="ConnectionString">Use this database (a <see cref="Infrastructure.TestDatabase"/>'s, which its owner disposes)
/// instead of a temporary file.</param>
public sealed record ServerStartOptions(
    string? ServerDll = null,
    string? WorkingDirectory = null,
    IReadOnlyList<string>? Arguments = null,
    bool DefaultDatabase = false,
    string? ConnectionString = null);
