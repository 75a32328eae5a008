using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace PovertyGraph.Server.Downloads.Formats;

/// <summary>
/// JSON Lines (https://jsonlines.org): one JSON object per row and line, keys the column names, numbers and booleans
/// as JSON numbers and booleans, empty values as null; UTF-8, Chinese text unescaped as in the GraphQL answers.
/// </summary>
public sealed class JsonLinesTableWriter(Stream output, IReadOnlyList<TableColumn> columns) : ITableWriter
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), SkipValidation = true });
    private readonly JsonEncodedText[] _names = columns.Select(c => JsonEncodedText.Encode(c.Name, JavaScriptEncoder.Create(UnicodeRanges.All))).ToArray();

    public int RowsHeld => 0;

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public void Write(object?[] row)
    {
        _json.WriteStartObject();
        for (var i = 0; i < row.Length; i++)
        {
            switch (row[i])
            {
                case null: _json.WriteNull(_names[i]); break;
                case long number: _json.WriteNumber(_names[i], number); break;
                case bool flag: _json.WriteBoolean(_names[i], flag); break;
                case var value: _json.WriteString(_names[i], Formats.CellText.Of(value)); break;
            }
        }
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        output.Write(NewLine);
    }

    public Task EndBatchAsync(CancellationToken ct) => Task.CompletedTask;

    public Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

    public ValueTask DisposeAsync() => _json.DisposeAsync();
}
