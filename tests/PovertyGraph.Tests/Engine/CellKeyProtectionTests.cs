using PovertyGraph.GraphQL;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.Tests.Engine;

/// <summary>Properties of the cell-key perturbation, checked on the protection itself (no server).</summary>
public sealed class CellKeyProtectionTests
{
    private static readonly EntityModel Model = ApiModel.Build();
    private static readonly EntityDescriptor Households = Model.ByName("Household")!;
    private static readonly EntityDescriptor Villages = Model.ByName("Village")!;
    private static readonly CellKeyProtection Protection = new(new StatisticsOptions());
    private static readonly int MemberCount = Households.Fields.Where(f => f.Aggregatable).ToList().FindIndex(f => f.Name == "memberCount");

    private static AggregateRow Cell(int count, long members, long cellKeySum, bool withAverage = true)
    {
        var row = new AggregateRow { Count = count, CellKeySum = cellKeySum };
        row.Set(AggregateFunction.Sum, MemberCount, members);
        row.Set(AggregateFunction.Min, MemberCount, 1L);
        row.Set(AggregateFunction.Max, MemberCount, 6L);
        if (withAverage) row.Set(AggregateFunction.Avg, MemberCount, (double)members / count);
        return row;
    }

    [Fact]
    public void The_noise_table_is_bounded_zero_mean_and_fixed_by_its_seed()
    {
        var table = CellKeyProtection.NoiseTable(20170814);
        Assert.Equal(256, table.Length);
        Assert.All(table, d => Assert.InRange(d, -2, 2));
        Assert.Equal(0, table.Sum());
        Assert.Equal(128, table.Count(d => d == 0));
        Assert.Equal(table, CellKeyProtection.NoiseTable(20170814));
        Assert.NotEqual(table, CellKeyProtection.NoiseTable(1));
    }

    [Fact]
    public void The_same_cell_always_gets_the_same_answer()
    {
        var a = Protection.Publish(Households, Cell(40, 80, 123_456_789), Viewer.Public);
        var b = Protection.Publish(Households, Cell(40, 80, 123_456_789), Viewer.Public);
        Assert.Equal(a.Row.Count, b.Row.Count);
        Assert.Equal(a.Row.Get(AggregateFunction.Sum, MemberCount), b.Row.Get(AggregateFunction.Sum, MemberCount));
    }

    [Fact]
    public void Counts_and_sums_move_by_a_bounded_amount_and_some_move()
    {
        var rng = new Random(7);
        var countsMoved = 0;
        var sumsMoved = 0;
        for (var i = 0; i < 2000; i++)
        {
            var n = rng.Next(5, 500);
            var members = n * 2L + rng.Next(n);
            var published = Protection.Publish(Households, Cell(n, members, rng.NextInt64(0, 1L << 40)), Viewer.Public);
            Assert.False(published.Suppressed);
            Assert.InRange(published.Row.Count - n, -2, 2);
            var sum = (long)published.Row.Get(AggregateFunction.Sum, MemberCount)!;
            Assert.InRange(Math.Abs(sum - members), 0, 2 * (long)Math.Round((double)members / n));
            countsMoved += published.Row.Count != n ? 1 : 0;
            sumsMoved += sum != members ? 1 : 0;
        }
        // Half the table is zero: about half of the cells move (a wide margin keeps this deterministic test honest).
        Assert.InRange(countsMoved, 700, 1300);
        Assert.InRange(sumsMoved, 700, 1300);
    }

    [Fact]
    public void Cells_with_other_records_get_unrelated_noise()
    {
        // A cell and the same cell with one more record: keys differ by that record's key, so the noise is drawn anew.
        var differences = new HashSet<int>();
        var rng = new Random(11);
        for (var i = 0; i < 500; i++)
        {
            var key = rng.NextInt64(0, 1L << 30);
            var extra = rng.Next(1 << 24);
            var a = Protection.Publish(Households, Cell(50, 100, key), Viewer.Public).Row.Count;
            var b = Protection.Publish(Households, Cell(51, 102, key + extra), Viewer.Public).Row.Count;
            differences.Add(b - a);
        }
        // The published difference is not always the true one (1): it ranges over several values.
        Assert.True(differences.Count >= 5, string.Join(",", differences));
    }

    [Fact]
    public void Small_cells_are_suppressed_and_empty_cells_stay_empty()
    {
        var small = Protection.Publish(Households, Cell(4, 9, 99), Viewer.Public);
        Assert.True(small.Suppressed);
        Assert.Null(small.Row.Get(AggregateFunction.Sum, MemberCount));
        var empty = Protection.Publish(Households, new AggregateRow { Count = 0 }, Viewer.Public);
        Assert.False(empty.Suppressed);
        Assert.Equal(0, empty.Row.Count);
    }

    [Fact]
    public void Minimums_and_maximums_are_withheld_and_averages_follow_the_published_figures()
    {
        var published = Protection.Publish(Households, Cell(40, 80, 5_555_555), Viewer.Public).Row;
        Assert.Null(published.Get(AggregateFunction.Min, MemberCount));
        Assert.Null(published.Get(AggregateFunction.Max, MemberCount));
        var sum = (long)published.Get(AggregateFunction.Sum, MemberCount)!;
        Assert.Equal((double)sum / published.Count, (double)published.Get(AggregateFunction.Avg, MemberCount)!, 9);
    }

    [Theory]
    [InlineData(Role.Researcher)]
    [InlineData(Role.Official)]
    [InlineData(Role.Admin)]
    public void Exact_roles_and_unprotected_types_get_the_cell_unchanged(Role role)
    {
        var cell = Cell(3, 7, 42);
        var published = Protection.Publish(Households, cell, new Viewer(role, "t"));
        Assert.False(published.Suppressed);
        Assert.Same(cell, published.Row);
        var villages = new AggregateRow { Count = 2 };
        Assert.Same(villages, Protection.Publish(Villages, villages, Viewer.Public).Row);
    }

    [Fact]
    public void Ngo_callers_get_protected_statistics()
    {
        var ngo = new Viewer(Role.Ngo, "n", "ngo-jiaohe-health", new HashSet<int> { 1 });
        Assert.True(Protection.Publish(Households, Cell(3, 7, 42), ngo).Suppressed);
    }
}
