using System.Text;
using PovertyGraph.Data.Import;

namespace PovertyGraph.Tests.Data;

/// <summary>A seed-data CSV file as rows of column name → text, for tests that check what the files say.</summary>
public static class SeedCsv
{
    public static List<Dictionary<string, string>> Read(string file)
    {
        using var reader = new StreamReader(Path.Combine(DataTestSupport.SeedDataPath, file), new UTF8Encoding(false));
        var records = CsvReader.Read(reader).ToList();
        var header = records[0].Fields;
        return records.Skip(1).Where(r => r.Fields.Length == header.Length)
            .Select(r => header.Select((h, i) => (h, r.Fields[i])).ToDictionary(x => x.h, x => x.Item2)).ToList();
    }

    /// <summary>The row's syntheticFields as a list (';'-separated in the files).</summary>
    public static string[] SyntheticFields(Dictionary<string, string> row) =>
        row["syntheticFields"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
