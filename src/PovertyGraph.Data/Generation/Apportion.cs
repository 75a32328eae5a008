namespace PovertyGraph.Data.Generation;

/// <summary>Integer splits that add up exactly (largest-remainder method).</summary>
public static class Apportion
{
    public static long[] ByWeights(long total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        if (weights.Count == 0 || sum <= 0) throw new ArgumentException("positive weights expected");
        var raw = weights.Select(w => total * w / sum).ToArray();
        var result = raw.Select(r => (long)Math.Floor(r)).ToArray();
        var left = total - result.Sum();
        foreach (var i in Enumerable.Range(0, raw.Length).OrderByDescending(i => raw[i] - result[i]).ThenBy(i => i).Take((int)left))
            result[i]++;
        return result;
    }

    /// <summary>Splits a sum of money into <paramref name="parts"/> random shares, in multiples of <paramref name="unit"/> where the total allows.</summary>
    public static long[] RandomShares(long total, int parts, Random rng, long unit = 1000)
    {
        if (total % unit != 0) unit = 1;
        var weights = Enumerable.Range(0, parts).Select(_ => 0.5 + rng.NextDouble()).ToArray();
        return ByWeights(total / unit, weights).Select(x => x * unit).ToArray();
    }
}
