using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Access;

/// <summary>
/// Protected statistics for PUBLIC and NGO callers on household and person aggregates, by the cell-key
/// method statistics offices use for published tables. Each record carries a fixed random key (0 … 2^24);
/// a cell's key is the sum of its records' keys modulo 2^24, which SQL computes with the aggregate. Two
/// 8-bit slices of the cell key index a fixed noise table: one perturbs the count, the other the sums.
/// So the same cell always gets the same answer, a cell with other records gets unrelated noise (a
/// difference of two overlapping cells is blurred by both), and an empty cell stays empty. Cells with
/// fewer than <see cref="StatisticsOptions.MinimumCellSize"/> records are suppressed, and minimums and
/// maximums (which would be one record's value) are never published to these callers.
/// </summary>
public sealed class CellKeyProtection : IStatisticsProtection
{
    public const int KeyBits = 24;
    private readonly int[] _noise;
    private readonly StatisticsOptions _options;

    public CellKeyProtection(StatisticsOptions options)
    {
        _options = options;
        _noise = NoiseTable(options.TableSeed);
        Parameters = StatisticsProtectionParameters.From(options, _noise);
    }

    public StatisticsProtectionParameters Parameters { get; }

    /// <summary>256 entries, zero-mean, bounded by ±2: half 0, a fifth each ±1, a twentieth each ±2.</summary>
    public static int[] NoiseTable(int seed)
    {
        var table = Enumerable.Repeat(0, 128).Concat(Enumerable.Repeat(1, 51)).Concat(Enumerable.Repeat(-1, 51))
            .Concat(Enumerable.Repeat(2, 13)).Concat(Enumerable.Repeat(-2, 13)).ToArray();
        new Random(seed).Shuffle(table);
        return table;
    }

    public PublishedCell Publish(EntityDescriptor type, AggregateRow row, Viewer viewer)
    {
        if (!AccessRules.ProtectsStatistics(type, viewer) || row.Count == 0) return new PublishedCell(row, false);
        var cellKey = (int)((row.CellKeySum ?? 0) & ((1 << KeyBits) - 1));
        var countNoise = _noise[cellKey >> 16];
        var sumNoise = _noise[(cellKey >> 8) & 0xFF];
        var published = new AggregateRow { Key = row.Key, Count = Math.Max(1, row.Count + countNoise) };
        if (row.Count < _options.MinimumCellSize) return new PublishedCell(published, true);

        var numeric = type.Fields.Count(f => f.Aggregatable);
        for (var i = 0; i < numeric; i++)
        {
            // A sum moves by whole "average records" (up to ±2 of them): enough to hide any one record.
            if (row.Get(AggregateFunction.Sum, i) is long sum)
                published.Set(AggregateFunction.Sum, i, sum + sumNoise * (long)Math.Round((double)sum / row.Count));
            // The average is the published sum over the published count: it adds nothing the two do not already say.
            if (row.Get(AggregateFunction.Avg, i) is double && published.Get(AggregateFunction.Sum, i) is long publishedSum)
                published.Set(AggregateFunction.Avg, i, (double)publishedSum / published.Count);
        }
        return new PublishedCell(published, false);
    }
}
