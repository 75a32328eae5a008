using System.Globalization;
using PovertyGraph.Data.Import;

namespace PovertyGraph.Data.Generation;

/// <summary>One published total the generated data must reproduce exactly (a row of published_totals.csv).</summary>
public sealed record PublishedTotal(int Id, string ScopeLevel, string ScopeName, string Measure, string Dimension, string Key, long Value, string Source, string Reference);

/// <summary>The generator's targets, read from seed-data/published_totals.csv.</summary>
public sealed class PublishedTotals(IReadOnlyList<PublishedTotal> rows)
{
    public const string FileName = "published_totals.csv";
    public IReadOnlyList<PublishedTotal> Rows { get; } = rows;

    public static PublishedTotals Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        using var reader = new StreamReader(path);
        var records = CsvReader.Read(reader).ToList();
        var header = records[0].Fields;
        string[] expected = ["id", "scopeLevel", "scopeName", "measure", "dimension", "key", "value", "source", "reference"];
        if (!header.SequenceEqual(expected))
            throw new ImportException([new(FileName, 1, $"header must be {string.Join(",", expected)}")]);
        var rows = new List<PublishedTotal>();
        var errors = new List<ImportError>();
        foreach (var r in records.Skip(1))
        {
            var f = r.Fields;
            if (f.Length != expected.Length || !int.TryParse(f[0], out var id) || !long.TryParse(f[6], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add(new(FileName, r.Line, "expected id and an integer value in 9 fields"));
                continue;
            }
            rows.Add(new(id, f[1], f[2], f[3], f[4], f[5], value, f[7], f[8]));
        }
        if (errors.Count > 0) throw new ImportException(errors);
        return new PublishedTotals(rows);
    }

    public IEnumerable<PublishedTotal> Where(string scopeName, string measure, string dimension) =>
        Rows.Where(r => r.ScopeName == scopeName && r.Measure == measure && r.Dimension == dimension);

    public long Get(string scopeName, string measure, string dimension, string key = "") =>
        Where(scopeName, measure, dimension).SingleOrDefault(r => r.Key == key)?.Value
        ?? throw new InvalidOperationException($"published_totals.csv lacks {scopeName} {measure} {dimension} {key}");

    public long GetOrZero(string scopeName, string measure, string dimension, string key = "") =>
        Where(scopeName, measure, dimension).SingleOrDefault(r => r.Key == key)?.Value ?? 0;

    /// <summary>The one county-scope row set the dataset models in detail (Jiaohe).</summary>
    public string DetailedCounty => Rows.First(r => r.ScopeLevel == "COUNTY").ScopeName;
    public string Province => Rows.First(r => r.ScopeLevel == "PROVINCE").ScopeName;
}
