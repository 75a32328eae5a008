namespace PovertyGraph.Data.Generation;

/// <summary>
/// Splits weighted items (households, weighted by their member count) into categories so that every
/// category gets exactly its target sum of weights and, where given, exactly its target number of items.
/// A random start followed by exchanges that only ever shrink the error: exact, deterministic for a given
/// <see cref="Random"/>, and linear in practice.
/// </summary>
public static class ExactPartitioner
{
    /// <param name="Count">Number of items, or null when only the sum is published.</param>
    public sealed record Target(int? Count, long Sum);

    public static int[] Partition(IReadOnlyList<int> weights, IReadOnlyList<Target> targets, Random rng)
    {
        var n = weights.Count;
        var totalWeight = weights.Sum(w => (long)w);
        if (targets.Sum(t => t.Sum) != totalWeight)
            throw new ArgumentException($"target sums add to {targets.Sum(t => t.Sum)}, items weigh {totalWeight}");
        var counted = targets.All(t => t.Count != null);
        if (!counted && targets.Any(t => t.Count != null))
            throw new ArgumentException("give counts for every category or for none");
        if (counted && targets.Sum(t => t.Count!.Value) != n)
            throw new ArgumentException($"target counts add to {targets.Sum(t => t.Count!.Value)}, there are {n} items");

        var assignment = new int[n];
        var deficit = targets.Select(t => t.Sum).ToArray();
        var order = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(order);
        if (counted)
        {
            var position = 0;
            for (var c = 0; c < targets.Count; c++)
            {
                for (var k = 0; k < targets[c].Count; k++, position++)
                {
                    assignment[order[position]] = c;
                    deficit[c] -= weights[order[position]];
                }
            }
        }
        else
        {
            foreach (var item in order)
            {
                var w = weights[item];
                var best = -1;
                for (var c = 0; c < deficit.Length; c++)
                    if (deficit[c] >= w && (best < 0 || deficit[c] > deficit[best])) best = c;
                if (best < 0)
                {
                    for (var c = 0; c < deficit.Length; c++)
                        if (targets[c].Sum > 0 && (best < 0 || deficit[c] > deficit[best])) best = c;
                }

                assignment[item] = best;
                deficit[best] -= w;
            }
        }
        Repair(weights, assignment, deficit, movesAllowed: !counted, rng);
        return assignment;
    }

    private static void Repair(IReadOnlyList<int> weights, int[] assignment, long[] deficit, bool movesAllowed, Random rng)
    {
        var categories = deficit.Length;
        var maxWeight = weights.Count == 0 ? 0 : weights.Max();
        // buckets[c][w]: items of weight w currently in category c
        var buckets = new List<int>[categories, maxWeight + 1];
        for (var c = 0; c < categories; c++)
        {
            for (var w = 0; w <= maxWeight; w++)
                buckets[c, w] = [];
        }

        for (var i = 0; i < assignment.Length; i++) buckets[assignment[i], weights[i]].Add(i);

        // The error (sum of |deficit|) never grows; if it stops shrinking for long, the targets are out of reach.
        var bestError = deficit.Sum(Math.Abs);
        var stalled = 0;
        for (var guard = 0; guard < 10_000_000; guard++)
        {
            var error = deficit.Sum(Math.Abs);
            if (error < bestError) { bestError = error; stalled = 0; }
            else if (++stalled > 20_000)
            {
                throw new InvalidOperationException("targets cannot be met with these item weights");
            }

            var needy = Enumerable.Range(0, categories).Where(c => deficit[c] > 0).ToArray();
            if (needy.Length == 0) return; // sums balance, so no category has a surplus either
            var donors = Enumerable.Range(0, categories).Where(c => deficit[c] < 0).ToArray();
            if (TryExchange(needy, donors, exact: true)) continue;
            // Stuck: let a balanced category pass weight along (a chain a <- c <- b); the error does not grow.
            var balanced = Enumerable.Range(0, categories).Where(c => deficit[c] == 0).ToArray();
            if (balanced.Length > 0 && TryExchange(needy, balanced, exact: false)) continue;
            throw new InvalidOperationException("targets cannot be met with these item weights");
        }
        throw new InvalidOperationException("partition did not converge");

        bool TryExchange(int[] receivers, int[] givers, bool exact)
        {
            foreach (var a in receivers.OrderBy(_ => rng.Next()))
            {
                foreach (var b in givers.OrderBy(_ => rng.Next()))
                {
                    var limit = exact ? Math.Min(deficit[a], -deficit[b]) : deficit[a];
                    for (var k = (int)Math.Min(limit, maxWeight); k >= 1; k--)
                    {
                        if (movesAllowed && buckets[b, k].Count > 0)
                        {
                            Move(b, k, a);
                            return true;
                        }
                        for (var w = 1; w + k <= maxWeight; w++)
                        {
                            if (buckets[a, w].Count == 0 || buckets[b, w + k].Count == 0) continue;
                            Move(a, w, b);
                            Move(b, w + k, a);
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        void Move(int from, int weight, int to)
        {
            var list = buckets[from, weight];
            var index = rng.Next(list.Count);
            var item = list[index];
            list[index] = list[^1];
            list.RemoveAt(list.Count - 1);
            buckets[to, weight].Add(item);
            assignment[item] = to;
            deficit[from] += weight;
            deficit[to] -= weight;
        }
    }
}
