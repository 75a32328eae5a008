using System.Text;

namespace PovertyGraph.Data.Import;

/// <summary>Minimal RFC 4180 reader that keeps each record's starting line number for error messages.</summary>
public static class CsvReader
{
    public sealed record Record(int Line, string[] Fields);

    public static IEnumerable<Record> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            any = true;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0: inQuotes = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    yield return new Record(recordLine, fields.ToArray());
                    fields.Clear();
                    any = false;
                    recordLine = ++line;
                    break;
                default: field.Append(ch); break;
            }
        }
        if (inQuotes) throw new FormatException($"line {recordLine}: unterminated quoted field");
        if (any)
        {
            fields.Add(field.ToString());
            yield return new Record(recordLine, fields.ToArray());
        }
    }
}
