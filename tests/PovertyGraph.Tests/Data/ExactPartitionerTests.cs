using PovertyGraph.Data.Generation;
using Target = PovertyGraph.Data.Generation.ExactPartitioner.Target;

namespace PovertyGraph.Tests.Data;

public sealed class ExactPartitionerTests
{
    /// <summary>A feasible instance: random weights and the targets of a random reference assignment.</summary>
    private static (int[] Weights, List<Target> Targets) RandomInstance(int seed, int items, int categories, int maxWeight, bool counted, int emptyCategory = -1)
    {
        var rng = new Random(seed);
        var weights = Enumerable.Range(0, items).Select(_ => 1 + rng.Next(maxWeight)).ToArray();
        var counts = new int[categories];
        var sums = new long[categories];
        foreach (var w in weights)
        {
            int c;
            do c = rng.Next(categories); while (c == emptyCategory);
            counts[c]++;
            sums[c] += w;
        }
        return (weights, Enumerable.Range(0, categories).Select(c => new Target(counted ? counts[c] : null, sums[c])).ToList());
    }

    private static void AssertMeets(int[] weights, IReadOnlyList<Target> targets, int[] assignment)
    {
        Assert.Equal(weights.Length, assignment.Length);
        Assert.All(assignment, c => Assert.InRange(c, 0, targets.Count - 1));
        for (var c = 0; c < targets.Count; c++)
        {
            var members = Enumerable.Range(0, weights.Length).Where(i => assignment[i] == c).ToList();
            Assert.Equal(targets[c].Sum, members.Sum(i => (long)weights[i]));
            if (targets[c].Count is { } count) Assert.Equal(count, members.Count);
        }
    }

    [Theory]
    [InlineData(1, 3000, 6, 6)]
    [InlineData(2, 500, 10, 8)]
    [InlineData(3, 50, 3, 3)]
    [InlineData(4, 20_000, 16, 6)]
    public void Meets_exact_counts_and_sums(int seed, int items, int categories, int maxWeight)
    {
        var (weights, targets) = RandomInstance(seed, items, categories, maxWeight, counted: true);
        AssertMeets(weights, targets, ExactPartitioner.Partition(weights, targets, new Random(seed * 31)));
    }

    [Theory]
    [InlineData(11, 3000, 6, 6)]
    [InlineData(12, 500, 10, 8)]
    [InlineData(13, 20_000, 4, 6)]
    public void Meets_sum_only_targets(int seed, int items, int categories, int maxWeight)
    {
        var (weights, targets) = RandomInstance(seed, items, categories, maxWeight, counted: false);
        AssertMeets(weights, targets, ExactPartitioner.Partition(weights, targets, new Random(seed * 31)));
    }

    [Fact]
    public void Meets_jiaohe_table_1_1_by_township()
    {
        // 001 Table 1-1: households / persons of the 16 townships; household sizes of 1..6 adding up to 11,609.
        (int H, long P)[] townships =
        [
            (271, 567), (583, 953), (582, 1538), (611, 1086), (544, 1053), (522, 1260), (725, 1501), (367, 745),
            (252, 445), (348, 572), (309, 540), (378, 716), (184, 353), (141, 253), (11, 23), (4, 4),
        ];
        var rng = new Random(2015);
        var sizes = Enumerable.Range(0, 5832).Select(_ => rng.NextDouble() < 0.4 ? 1 : 1 + rng.Next(4)).ToArray();
        var diff = 11_609 - sizes.Sum();
        for (var i = 0; diff != 0; i = (i + 1) % sizes.Length)
        {
            if (diff > 0 && sizes[i] < 6) { sizes[i]++; diff--; }
            else if (diff < 0 && sizes[i] > 1) { sizes[i]--; diff++; }
        }
        var targets = townships.Select(t => new Target(t.H, t.P)).ToList();
        AssertMeets(sizes, targets, ExactPartitioner.Partition(sizes, targets, new Random(7)));
    }

    [Fact]
    public void Zero_targets_get_no_items()
    {
        var (weights, targets) = RandomInstance(21, 1000, 5, 5, counted: true, emptyCategory: 2);
        Assert.Equal(new Target(0, 0), targets[2]);
        var assignment = ExactPartitioner.Partition(weights, targets, new Random(5));
        AssertMeets(weights, targets, assignment);
        Assert.DoesNotContain(2, assignment);

        var (w2, sumOnly) = RandomInstance(22, 1000, 5, 5, counted: false, emptyCategory: 0);
        Assert.Equal(new Target(null, 0), sumOnly[0]);
        var a2 = ExactPartitioner.Partition(w2, sumOnly, new Random(5));
        AssertMeets(w2, sumOnly, a2);
        Assert.DoesNotContain(0, a2);
    }

    [Fact]
    public void Empty_input_with_zero_targets_is_fine()
    {
        Assert.Empty(ExactPartitioner.Partition([], [new Target(0, 0), new Target(0, 0)], new Random(1)));
        Assert.Empty(ExactPartitioner.Partition([], [new Target(null, 0)], new Random(1)));
    }

    [Fact]
    public void Same_seed_gives_the_same_assignment_and_another_seed_another()
    {
        var (weights, targets) = RandomInstance(31, 2000, 6, 6, counted: true);
        var a = ExactPartitioner.Partition(weights, targets, new Random(99));
        var b = ExactPartitioner.Partition(weights, targets, new Random(99));
        var c = ExactPartitioner.Partition(weights, targets, new Random(100));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        AssertMeets(weights, targets, c);
    }

    [Fact]
    public void Inconsistent_targets_are_rejected_up_front()
    {
        int[] weights = [1, 2, 3];
        // Sums do not add up to the weights.
        Assert.Throws<ArgumentException>(() => ExactPartitioner.Partition(weights, [new Target(null, 2), new Target(null, 3)], new Random(1)));
        // Counts do not add up to the items.
        Assert.Throws<ArgumentException>(() => ExactPartitioner.Partition(weights, [new Target(1, 3), new Target(1, 3)], new Random(1)));
        // Counts for some categories only.
        Assert.Throws<ArgumentException>(() => ExactPartitioner.Partition(weights, [new Target(2, 3), new Target(null, 3)], new Random(1)));
    }

    [Fact]
    public void Infeasible_targets_throw()
    {
        // Weights 2, 2: no item of weight 1 or 3 exists.
        Assert.Throws<InvalidOperationException>(() => ExactPartitioner.Partition([2, 2], [new Target(1, 1), new Target(1, 3)], new Random(1)));
        // Sum-only: odd sums from even weights.
        Assert.Throws<InvalidOperationException>(() => ExactPartitioner.Partition([2, 2, 2], [new Target(null, 3), new Target(null, 3)], new Random(1)));
        // Counts and sums both add up, but no 3 of {1, 1, 1, 3, 3, 3} weigh 4.
        Assert.Throws<InvalidOperationException>(() =>
            ExactPartitioner.Partition([1, 1, 1, 3, 3, 3], [new Target(3, 4), new Target(3, 8)], new Random(1)));
    }

    /// <summary>
    /// Infeasible targets are reported after a bounded amount of work, counted in calls to the random source (the repair
    /// draws at least once per step, so the count bounds its steps; a derived Random may count one draw twice, as its
    /// Next goes through Sample) rather than timed: two categories need weight 1 each and there is only one item of
    /// weight 1; a third category starts balanced, so the repair may pass weight through it. A repair that moved the same
    /// item back and forth until its ten-million-step guard would make tens of millions of calls; giving up once the
    /// error has stopped shrinking takes about 120,000 (seed 0), well inside the budget.
    /// </summary>
    [Fact]
    public void Infeasible_targets_with_a_balanced_category_throw_after_bounded_work()
    {
        const long budget = 1_000_000;
        for (var seed = 0; seed < 5; seed++)
        {
            var rng = new CountingRandom(seed, budget);
            var error = Assert.Throws<InvalidOperationException>(() =>
                ExactPartitioner.Partition([2, 2, 1], [new Target(null, 1), new Target(null, 1), new Target(null, 3)], rng));
            Assert.Equal("targets cannot be met with these item weights", error.Message);
            Assert.InRange(rng.Draws, 1, budget);
        }
    }

    /// <summary>A <see cref="Random"/> that counts the calls made to it and stops the caller once a budget is spent.</summary>
    private sealed class CountingRandom(int seed, long budget) : Random(seed)
    {
        public long Draws { get; private set; }

        private void Count()
        {
            if (++Draws > budget) throw new WorkBudgetExceededException(budget);
        }

        public override int Next() { Count(); return base.Next(); }
        public override int Next(int maxValue) { Count(); return base.Next(maxValue); }
        public override int Next(int minValue, int maxValue) { Count(); return base.Next(minValue, maxValue); }
        public override long NextInt64() { Count(); return base.NextInt64(); }
        public override long NextInt64(long maxValue) { Count(); return base.NextInt64(maxValue); }
        public override long NextInt64(long minValue, long maxValue) { Count(); return base.NextInt64(minValue, maxValue); }
        public override double NextDouble() { Count(); return base.NextDouble(); }
        public override float NextSingle() { Count(); return base.NextSingle(); }
        public override void NextBytes(byte[] buffer) { Count(); base.NextBytes(buffer); }
        public override void NextBytes(Span<byte> buffer) { Count(); base.NextBytes(buffer); }
        protected override double Sample() { Count(); return base.Sample(); }
    }

    private sealed class WorkBudgetExceededException(long budget) : Exception($"more than {budget:N0} random draws: the repair does not give up")
    {
    }
}
