using System.Text;

namespace PovertyGraph.Tests.Browser;

/// <summary>A CSV file as RFC 4180 writes it (quoted fields, doubled quotes, CRLF), read independently of the page's writer.</summary>
public sealed class Csv
{
    private Csv(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Headers = headers;
        Rows = rows;
    }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>Each line after the header, by column name.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    public static Csv Parse(string text)
    {
        var records = Records(text.TrimStart('\uFEFF')).Where(r => r.Count > 1 || r[0].Length > 0).ToList();
        Assert.NotEmpty(records);
        var headers = records[0];
        var rows = records.Skip(1).Select(record =>
        {
            Assert.Equal(headers.Count, record.Count);
            return (IReadOnlyDictionary<string, string>)headers.Zip(record).ToDictionary(p => p.First, p => p.Second);
        }).ToList();
        return new Csv(headers, rows);
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { }
            else if (c == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                yield return record;
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
