using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;

namespace PovertyGraph.Tests.Data;

/// <summary>
/// Helpers of the data-layer tests: where the repository's files are, building a database of a profile into
/// a file, SQLite connections to it (queries through <see cref="Infrastructure.DbConnectionQueries"/>, written
/// independently of the generator) and a checksum over every table.
/// </summary>
public static class DataTestSupport
{
    /// <summary>The folder holding PovertyGraph.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SeedDataPath => Path.Combine(RepositoryRoot, "seed-data");

    /// <summary>The server's entry assembly, copied next to the test assembly by the project reference.</summary>
    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "PovertyGraph.Server.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PovertyGraph.sln"))) return dir.FullName;
        throw new InvalidOperationException("PovertyGraph.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh, empty temporary folder (deleted by <see cref="DeleteQuietly"/>).</summary>
    public static string NewTempFolder(string label)
    {
        var path = Path.Combine(Path.GetTempPath(), "povertygraph-data-tests", $"{label}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteQuietly(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Connection string without pooling, so no handle outlives a test and files can be deleted.</summary>
    public static string ConnectionString(string path, bool readOnly = false) => new SqliteConnectionStringBuilder
    {
        DataSource = path, Pooling = false, Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
    }.ToString();

    public static DatabaseOptions Options(string path, string profile = "jiaohe") => new()
    {
        Provider = DatabaseProvider.Sqlite,
        ConnectionString = ConnectionString(path), SeedDataPath = SeedDataPath, Profile = profile,
    };

    /// <summary>Migrates, imports seed-data and generates the profile into <paramref name="path"/>, as the server does.</summary>
    public static void Build(string path, string profile, int? generatorSeed = null)
    {
        var options = Options(path, profile);
        if (generatorSeed != null) options.GeneratorSeed = generatorSeed.Value;
        using var services = new ServiceCollection().AddPovertyGraphData(options).BuildServiceProvider();
        var built = services.GetRequiredService<DatabaseBootstrapper>().EnsureReady();
        if (!built) throw new InvalidOperationException($"{path} was already built");
    }

    /// <summary>Runs the built server's command line (<c>import</c>, <c>build-db</c>, …) in <paramref name="workingDirectory"/>.</summary>
    public static (int ExitCode, string StdOut, string StdErr) RunServer(string workingDirectory, params string[] args)
    {
        Assert.True(File.Exists(ServerDll), ServerDll + " not found");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(ServerDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{string.Join(' ', args)}' did not finish in 120 s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A byte-for-byte logical copy of a database (SQLite backup API), for tests that change it.</summary>
    public static void Copy(string from, string to)
    {
        using var source = new SqliteConnection(ConnectionString(from, readOnly: true));
        using var target = new SqliteConnection(ConnectionString(to));
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    /// <summary>A context on the database file, as the server would create one.</summary>
    public static (ServiceProvider Services, PovertyGraphDbContext Db) Context(string path)
    {
        var services = new ServiceCollection().AddPovertyGraphData(Options(path)).BuildServiceProvider();
        return (services, services.GetRequiredService<IDbContextFactory<PovertyGraphDbContext>>().CreateDbContext());
    }

    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(ConnectionString(path, readOnly: true));
        connection.Open();
        return connection;
    }

    /// <summary>User tables of the database (SQLite's own excluded), in name order.</summary>
    public static List<string> Tables(this SqliteConnection connection) =>
        connection.Rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
            .Select(r => (string)r[0]!).ToList();

    public static Dictionary<string, long> RowCounts(string path)
    {
        using var connection = Open(path);
        return connection.Tables().ToDictionary(t => t, t => connection.Scalar($"SELECT COUNT(*) FROM \"{t}\""));
    }

    /// <summary>
    /// SHA-256 of every row of every table (SELECT * ORDER BY the primary key, or by every column where there is
    /// none), one hash per table; values are tagged with their storage type so 1, 1.0 and '1' differ.
    /// </summary>
    public static SortedDictionary<string, string> TableChecksums(string path, params string[] excludedTables)
    {
        using var connection = Open(path);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in connection.Tables().Where(t => !excludedTables.Contains(t)))
        {
            var info = connection.Rows($"PRAGMA table_info(\"{table}\")");
            var key = info.Where(c => Convert.ToInt64(c[5]) > 0).OrderBy(c => Convert.ToInt64(c[5])).Select(c => (string)c[1]!).ToList();
            if (key.Count == 0) key = info.Select(c => (string)c[1]!).ToList();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", key.Select(k => $"\"{k}\""))}";
            using var reader = cmd.ExecuteReader();
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0L;
            var text = new StringBuilder();
            while (reader.Read())
            {
                text.Clear();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    text.Append(value switch
                    {
                        DBNull => "N",
                        long l => "I" + l.ToString(CultureInfo.InvariantCulture),
                        double d => "R" + d.ToString("R", CultureInfo.InvariantCulture),
                        string s => "T" + s.Length.ToString(CultureInfo.InvariantCulture) + ":" + s,
                        byte[] b => "B" + Convert.ToHexString(b),
                        _ => "?" + Convert.ToString(value, CultureInfo.InvariantCulture),
                    }).Append('\u001f');
                }
                text.Append('\u001e');
                sha.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
                rows++;
            }
            result[table] = $"{rows} rows {Convert.ToHexStringLower(sha.GetHashAndReset())}";
        }
        return result;
    }
}
