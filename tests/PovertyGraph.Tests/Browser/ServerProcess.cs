using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace PovertyGraph.Tests.Browser;

/// <summary>
/// The built server (src/PovertyGraph.Server/bin/{Configuration}/{tfm}/PovertyGraph.Server.dll) run as a child
/// process on a real loopback port, as an operator would run it, on the small "jiaohe" profile with its own
/// temporary SQLite database (or the database <see cref="ServerStartOptions.ConnectionString"/> names). A browser can reach it, unlike the in-memory TestServer. Killed on dispose.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly BoundedLog _log;
    private readonly string? _databasePath;

    private ServerProcess(Process process, BoundedLog log, string? databasePath, Uri baseAddress)
    {
        _process = process;
        _log = log;
        _databasePath = databasePath;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress { get; }

    /// <summary>The last lines the server logged.</summary>
    public string LogTail => _log.Tail();

    /// <summary>The server's process ID.</summary>
    public int ProcessId => _process.Id;

    public static Task<ServerProcess> StartAsync(CancellationToken cancellation) => StartAsync(new ServerStartOptions(), cancellation);

    public static async Task<ServerProcess> StartAsync(ServerStartOptions options, CancellationToken cancellation)
    {
        var serverDll = options.ServerDll ?? FindServerAssembly();
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var databaseDir = Path.Combine(Path.GetTempPath(), "povertygraph-tests");
        Directory.CreateDirectory(databaseDir);
        var databasePath = options.DefaultDatabase || options.ConnectionString != null ? null : Path.Combine(databaseDir, $"browser-{Environment.ProcessId}-{port}.db");

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = options.WorkingDirectory ?? Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { serverDll, "--urls", baseAddress.GetLeftPart(UriPartial.Authority), "--Database:Profile=jiaohe" })
            start.ArgumentList.Add(arg);
        if ((databasePath ?? options.ConnectionString) is { } database) start.ArgumentList.Add($"--Database:ConnectionString={database}");
        foreach (var arg in options.Arguments ?? []) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_URLS");

        var log = new BoundedLog(300);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, log, databasePath, baseAddress);

        // Ready when POST /graphql answers { __typename } with 200.
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        string? lastAnswer = null;
        try
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                if (process.HasExited)
                    throw new InvalidOperationException($"the server exited with code {process.ExitCode} at start-up:\n{log.Tail()}");
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
                    {
                        Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Accept.ParseAdd("application/graphql-response+json");
                    using var response = await http.SendAsync(request, cancellation);
                    if (response.StatusCode == HttpStatusCode.OK)
                        return server;
                    lastAnswer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellation)}";
                }
                catch (HttpRequestException ex)
                {
                    lastAnswer = ex.Message;
                }
                catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    lastAnswer = "request timed out";
                }
                await Task.Delay(250, cancellation);
            }
        }
        catch (OperationCanceledException)
        {
            await server.DisposeAsync();
            throw new TimeoutException(
                $"the server at {baseAddress} did not answer POST /graphql {{ __typename }} with 200 in time (last answer: {lastAnswer}):\n{log.Tail()}");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The server's own build output, in the same configuration and target framework as this test assembly.</summary>
    private static string FindServerAssembly()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
                            ?? testBin.Parent?.Name ?? "Debug";
        var candidates = new List<string>();
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "PovertyGraph.sln"))) continue;
            candidates.Add(Path.Combine(dir.FullName, "src", "PovertyGraph.Server", "bin", configuration, framework, "PovertyGraph.Server.dll"));
            break;
        }
        // Fallback: the copy referenced into this test's output, if it is runnable on its own.
        candidates.Add(Path.Combine(testBin.FullName, "PovertyGraph.Server.dll"));
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json")))
                return candidate;
        }

        throw new FileNotFoundException(
            $"the built server was not found (looked for {string.Join(", ", candidates)}); build the solution first.");
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
            return self;
        return "dotnet";
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether any line the server logged (of the last 300) contains <paramref name="fragment"/>.</summary>
    public bool HasLogged(string fragment) => _log.Tail(int.MaxValue).Contains(fragment, StringComparison.Ordinal);

    /// <summary>Waits until the server has logged a line containing <paramref name="fragment"/>.</summary>
    public async Task WaitForLogAsync(string fragment, CancellationToken cancellation)
    {
        while (!_log.Tail(int.MaxValue).Contains(fragment, StringComparison.Ordinal))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the server exited (code {_process.ExitCode}) before logging '{fragment}':\n{_log.Tail()}");
            await Task.Delay(50, cancellation);
        }
    }

    /// <summary>Asks the server to stop as an operator or orchestrator does (SIGTERM) and returns its exit code.</summary>
    public async Task<int> TerminateAsync(CancellationToken cancellation)
    {
        if (kill(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        await _process.WaitForExitAsync(cancellation);
        return _process.ExitCode;
    }

    private const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        await ChildProcessExit.KillTreeAndDisposeAsync(_process);
        if (_databasePath is null) return;
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            try
            {
                File.Delete(_databasePath + suffix);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
