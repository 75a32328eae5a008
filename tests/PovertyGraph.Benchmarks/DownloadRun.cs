using System.Diagnostics;

namespace PovertyGraph.Benchmarks;

/// <summary>
/// Streams all 700,739 persons of the province in each format, as a PUBLIC caller with the default columns, reading and
/// discarding the bytes as a client would, and samples the process's managed heap and working set every 50 ms: the
/// figures show whether the server's memory stays flat while it streams (it holds one batch of rows, not the file).
/// </summary>
internal static class DownloadRun
{
    public static async Task<int> RunAsync(HttpClient http)
    {
        Console.WriteLine();
        Console.WriteLine("| download | rows | bytes | seconds | managed heap before → peak (MB) | working set before → peak (MB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var format in new[] { "csv", "jsonl", "parquet" })
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var process = Process.GetCurrentProcess();
            var heapBefore = GC.GetTotalMemory(true);
            process.Refresh();
            var setBefore = process.WorkingSet64;
            long heapPeak = heapBefore, setPeak = setBefore;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                    process.Refresh();
                    setPeak = Math.Max(setPeak, process.WorkingSet64);
                    try { await Task.Delay(50, sampling.Token); } catch (OperationCanceledException) { }
                }
            });
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync($"/data/persons.{format}", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            long bytes = 0, newlines = 0;
            int n;
            while ((n = await body.ReadAsync(buffer)) > 0)
            {
                bytes += n;
                if (format != "parquet") newlines += buffer.AsSpan(0, n).Count((byte)'\n');
            }
            var seconds = clock.Elapsed.TotalSeconds;
            await sampling.CancelAsync();
            await sampler;
            var rows = format == "csv" ? newlines - 1 : format == "jsonl" ? newlines : -1;
            Console.WriteLine($"| persons.{format} | {(rows < 0 ? "(row groups)" : rows.ToString("N0"))} | {bytes:N0} | {seconds:F1} | " +
                              $"{heapBefore / 1e6:F0} → {heapPeak / 1e6:F0} | {setBefore / 1e6:F0} → {setPeak / 1e6:F0} |");
        }
        return 0;
    }
}
