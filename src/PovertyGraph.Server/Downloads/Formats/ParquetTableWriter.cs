using Parquet;
using Parquet.Schema;

namespace PovertyGraph.Server.Downloads.Formats;

/// <summary>
/// Apache Parquet through Parquet.Net: one row group per batch (<see cref="DownloadOptions.BatchRows"/> rows), so the
/// writer holds at most a batch; texts as UTF-8 strings, integers as INT64, dates as DATE, times as UTC timestamps, every
/// column optional (null where the CSV is empty). The file's key-value metadata carries <paramref name="metadata"/>
/// (receipt, statistics rule, column descriptions). Snappy-compressed, what pandas, R and DuckDB read by default.
/// </summary>
public sealed class ParquetTableWriter(Stream output, IReadOnlyList<TableColumn> columns, int batchRows, IReadOnlyDictionary<string, string> metadata)
    : ITableWriter
{
    private readonly DataField[] _fields = columns.Select(Field).ToArray();
    private readonly Array[] _buffers = columns.Select(c => Buffer(c.Type, batchRows)).ToArray();
    private ParquetWriter? _writer;
    private int _held;

    public int RowsHeld => _held;

    public async Task StartAsync(CancellationToken ct)
    {
        _writer = await ParquetWriter.CreateAsync(new ParquetSchema(_fields), output, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, append: false, ct);
        _writer.CustomMetadata = metadata.ToDictionary();
    }

    public void Write(object?[] row)
    {
        if (_held == batchRows) throw new InvalidOperationException("a batch is full: end it before writing more rows");
        for (var i = 0; i < row.Length; i++) _buffers[i].SetValue(row[i] is DateTimeOffset time ? time.UtcDateTime : row[i], _held);
        _held++;
    }

    public async Task EndBatchAsync(CancellationToken ct)
    {
        if (_held == 0) return;
        using (var group = _writer!.CreateRowGroup())
        {
            for (var i = 0; i < _fields.Length; i++)
            {
                var field = _fields[i];
                switch (_buffers[i])
                {
                    case string?[] texts: await group.WriteAsync(field, new ArraySegment<string>(texts!, 0, _held)); break;
                    case long?[] numbers: await group.WriteAsync(field, new ReadOnlyMemory<long?>(numbers, 0, _held), cancellationToken: ct); break;
                    case bool?[] flags: await group.WriteAsync(field, new ReadOnlyMemory<bool?>(flags, 0, _held), cancellationToken: ct); break;
                    case DateOnly?[] dates: await group.WriteAsync(field, new ReadOnlyMemory<DateOnly?>(dates, 0, _held), cancellationToken: ct); break;
                    case DateTime?[] times: await group.WriteAsync(field, new ReadOnlyMemory<DateTime?>(times, 0, _held), cancellationToken: ct); break;
                }
                Array.Clear(_buffers[i], 0, _held);
            }
            group.CompleteValidate();
        }
        _held = 0;
    }

    public async Task CompleteAsync(CancellationToken ct)
    {
        await EndBatchAsync(ct);
        await _writer!.DisposeAsync(); // writes the footer
        _writer = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer != null) await _writer.DisposeAsync();
    }

    private static DataField Field(TableColumn column) => column.Type switch
    {
        ColumnType.Integer => new DataField<long?>(column.Name),
        ColumnType.Boolean => new DataField<bool?>(column.Name),
        ColumnType.Date => new DataField<DateOnly?>(column.Name),
        ColumnType.DateTime => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, isNullable: true),
        _ => new DataField<string>(column.Name, nullable: true),
    };

    private static Array Buffer(ColumnType type, int rows) => type switch
    {
        ColumnType.Integer => new long?[rows],
        ColumnType.Boolean => new bool?[rows],
        ColumnType.Date => new DateOnly?[rows],
        ColumnType.DateTime => new DateTime?[rows],
        _ => new string?[rows],
    };
}
