using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Server.Downloads;
using static PovertyGraph.Tests.Publishing.DownloadClient;

namespace PovertyGraph.Tests.Publishing;

/// <summary>
/// Downloads stream: the server holds at most one batch of rows, however many the file has; the first bytes leave before
/// the last row is read; a failure mid-stream cuts the connection; the cost is judged before anything runs. Bounds are in
/// rows (<see cref="PublishingFactory.BatchRows"/>), not in time or bytes of this machine.
/// </summary>
public sealed class StreamingTests(PublishingFactory factory) : IClassFixture<PublishingFactory>
{
    private const string Marker = "X-Test-Download";

    /// <summary>Every (rows read, rows held) a download reported, for the requests carrying <see cref="Marker"/> = id.</summary>
    private (ConcurrentQueue<(long Read, int Held)> Batches, Func<long> Read, IDisposable Stop) Watch(string id)
    {
        var events = factory.Services.GetRequiredService<DownloadEvents>();
        var batches = new ConcurrentQueue<(long, int)>();
        long read = 0;
        bool Mine(HttpContext c) => c.Request.Headers[Marker] == id;
        Action<HttpContext, long, int> sent = (c, r, h) => { if (Mine(c)) batches.Enqueue((r, h)); };
        Action<HttpContext, long> row = (c, r) => { if (Mine(c)) Interlocked.Exchange(ref read, r); };
        events.BatchSent += sent;
        events.RowRead += row;
        return (batches, () => Interlocked.Read(ref read), new Unsubscribe(() => { events.BatchSent -= sent; events.RowRead -= row; }));
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    [InlineData("parquet")]
    public async Task Every_person_downloads_with_at_most_one_batch_of_rows_held(string format)
    {
        var id = Guid.NewGuid().ToString();
        var (batches, _, stop) = Watch(id);
        using (stop)
        {
            var response = await GetAsync(factory, $"/data/persons.{format}?columns=id,birthYear,gender", Tokens.Official, header: (Marker, id));
            Assert.Equal(200, (int)response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            long rows = format switch
            {
                "csv" => PovertyGraph.Tests.Browser.Csv.Parse(System.Text.Encoding.UTF8.GetString(bytes)).Rows.Count,
                "jsonl" => System.Text.Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length,
                _ => (await ParquetFile.ReadAsync(bytes)).Rows,
            };
            Assert.Equal(11_609, rows); // Jiaohe's persons (001, Table 1-1)
            if (format == "parquet") Assert.All((await ParquetFile.ReadAsync(bytes)).RowGroups, g => Assert.True(g <= PublishingFactory.BatchRows));
        }
        var sent = batches.ToList();
        Assert.Equal((11_609 + PublishingFactory.BatchRows - 1) / PublishingFactory.BatchRows, sent.Count);
        Assert.All(sent, b => Assert.InRange(b.Held, 1, PublishingFactory.BatchRows));
        Assert.Equal(11_609, sent[^1].Read);
    }

    [Fact]
    public async Task The_first_bytes_leave_before_the_last_row_is_read_and_a_stalled_client_holds_the_server_back()
    {
        var id = Guid.NewGuid().ToString();
        var (_, read, stop) = Watch(id);
        using (stop)
        {
            using var response = await GetAsync(factory, "/data/persons.csv?columns=id,name,birthYear,county.name", Tokens.Official,
                HttpCompletionOption.ResponseHeadersRead, (Marker, id));
            await using var body = await response.Content.ReadAsStreamAsync();
            var first = new byte[1024];
            Assert.True(await body.ReadAsync(first) > 0);
            // A server that read every row before answering would have read all 11,609 by now.
            Assert.True(read() < 11_609, $"{read()} rows were read before the first bytes arrived");
            // The client reads nothing more for a while: what the server reads is bounded by what the transport buffers.
            var before = read();
            for (var i = 0; i < 20 && read() < 11_609; i++) await Task.Delay(50);
            Assert.True(read() < 11_609, $"the server read {read()} rows while the client read 1 KiB (it had read {before})");
        }
    }

    [Fact]
    public async Task A_failure_after_the_first_byte_cuts_the_connection_instead_of_ending_the_file()
    {
        factory.HookFailures();
        var response = await GetAsync(factory, "/data/persons.csv?columns=id,birthYear", Tokens.Official, HttpCompletionOption.ResponseHeadersRead,
            (PublishingFactory.FailAfterHeader, "1200"));
        Assert.Equal(200, (int)response.StatusCode); // the first batches had gone when the failure came
        var stream = await response.Content.ReadAsStreamAsync();
        var failed = await Record.ExceptionAsync(async () =>
        {
            var buffer = new byte[8192];
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0) { }
        });
        // The transfer fails: no file that merely ends early. (How much of it the client read before the cut depends on
        // when it read: the in-memory transport drops what it buffered when the server aborts.)
        Assert.NotNull(failed);
    }

    [Fact]
    public async Task A_failure_before_the_first_byte_is_an_HTTP_error()
    {
        factory.HookFailures();
        var response = await GetAsync(factory, "/data/persons.csv?columns=id,birthYear", Tokens.Official, header: (PublishingFactory.FailAfterHeader, "10"));
        Assert.Equal(500, (int)response.StatusCode);
        Assert.Contains("INTERNAL_SERVER_ERROR", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_download_over_the_callers_budget_is_refused_with_its_cost_before_anything_runs()
    {
        // 11,609 persons × (1 + 2 related rows) / 1,000 rows per point = 35 points; with the household's village too, more.
        var (status, error) = await RefusedAsync(factory, "/data/persons.csv?columns=id,county.name,village.name,township.name,prefecture.name,province.name");
        Assert.Equal(400, status);
        Assert.Equal("COST_LIMIT_EXCEEDED", error["extensions"]!["code"]!.ToString());
        var requested = (long)error["extensions"]!["cost"]!["requested"]!;
        Assert.Equal((long)Math.Ceiling(11_609 * 6 / 1000.0), requested);
        Assert.Equal(PublishingFactory.PublicBudget, (long)error["extensions"]!["cost"]!["limit"]!);
        // The same download for a researcher (budget 250,000) runs.
        Assert.Equal(11_609, (await CsvAsync(factory, "/data/persons.csv?columns=id,county.name,village.name,township.name,prefecture.name,province.name", Tokens.Researcher)).Rows.Count);
        // Fewer related columns fit the PUBLIC budget.
        Assert.Equal(11_609, (await CsvAsync(factory, "/data/persons.csv?columns=id,birthYear,county.name")).Rows.Count);
    }
}
