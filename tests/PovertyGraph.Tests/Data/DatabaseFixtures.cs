using System.Diagnostics;

namespace PovertyGraph.Tests.Data;

/// <summary>The full "province" profile (352,029 households, 700,739 persons), built once per test run into a temp file.</summary>
public sealed class ProvinceDatabaseFixture : IDisposable
{
    private readonly string _folder = DataTestSupport.NewTempFolder("province");
    private SortedDictionary<string, string>? _checksums;

    public ProvinceDatabaseFixture()
    {
        DatabasePath = Path.Combine(_folder, "province.db");
        var clock = Stopwatch.StartNew();
        DataTestSupport.Build(DatabasePath, "province");
        BuildSeconds = clock.Elapsed.TotalSeconds;
    }

    public string DatabasePath { get; }
    public double BuildSeconds { get; }

    /// <summary>Checksums of every table but DatasetInfo (which holds the build time), computed once.</summary>
    public SortedDictionary<string, string> Checksums => _checksums ??= DataTestSupport.TableChecksums(DatabasePath, "DatasetInfo", "DatasetChanges");

    public void Dispose() => DataTestSupport.DeleteQuietly(_folder);
}

[CollectionDefinition(Name)]
public sealed class ProvinceDatabaseCollection : ICollectionFixture<ProvinceDatabaseFixture>
{
    public const string Name = "data: province database";
}

/// <summary>
/// The small "jiaohe" profile, built once per test run. Tests read it directly, or take a copy
/// (<see cref="FreshCopy"/>) when they change the database.
/// </summary>
public sealed class JiaoheDatabaseFixture : IDisposable
{
    private readonly string _folder = DataTestSupport.NewTempFolder("jiaohe");

    public JiaoheDatabaseFixture()
    {
        DatabasePath = Path.Combine(_folder, "jiaohe.db");
        DataTestSupport.Build(DatabasePath, "jiaohe");
    }

    public string DatabasePath { get; }

    /// <summary>A copy of the freshly built jiaohe database in a new file under <paramref name="folder"/>.</summary>
    public string FreshCopy(string folder)
    {
        var path = Path.Combine(folder, "jiaohe-copy.db");
        DataTestSupport.Copy(DatabasePath, path);
        return path;
    }

    public void Dispose() => DataTestSupport.DeleteQuietly(_folder);
}

[CollectionDefinition(Name)]
public sealed class JiaoheDatabaseCollection : ICollectionFixture<JiaoheDatabaseFixture>
{
    public const string Name = "data: jiaohe database";
}
