namespace PovertyGraph.Server.Downloads;

/// <summary>
/// Where a format writer writes: bytes collect here until the download hands a finished batch to the response
/// (<see cref="DrainToAsync"/>), so nothing of a batch leaves before the batch is complete and audited, and memory
/// holds one batch. Forward only; <see cref="Position"/> counts every byte written, which Parquet's footer needs.
/// </summary>
public sealed class BatchOutput : Stream
{
    private readonly MemoryStream _pending = new();
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException("a download is written forward only");
    }

    /// <summary>Bytes written since the last drain.</summary>
    public long Pending => _pending.Length;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Sends the pending bytes to <paramref name="destination"/> and forgets them (the buffer is reused).</summary>
    public async Task DrainToAsync(Stream destination, CancellationToken ct)
    {
        if (_pending.Length == 0) return;
        await destination.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
        await destination.FlushAsync(ct);
        _pending.SetLength(0);
    }

    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("a download is written forward only");
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _pending.Dispose();
        base.Dispose(disposing);
    }
}
