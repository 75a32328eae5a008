using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// What a connection field resolves to: its plan and, for a nested connection, the parent row. Each part (page, total,
/// aggregates) runs only when selected; nested parts are batched across all parents of the level: one statement per
/// part, whatever the page size. A nested page its parent's statement already fetched is read from the parent row.
/// </summary>
public sealed class ConnectionValue(QueryRuntime runtime, ConnectionPlan plan, EntityRow? parent)
{
    private Deferred<Page>? _page;

    public ConnectionPlan Plan => plan;

    private int ParentId => (int)parent!.Id;

    public Deferred<Page> Page()
    {
        if (_page != null) return _page;
        if (parent?.InlinePage(plan) is { } fetched) return _page = new Deferred<Page>(_ => Task.FromResult(fetched));
        if (!plan.IsNested) return _page = new Deferred<Page>(ct => RootPages.PageAsync(runtime, plan, ct));
        var loader = runtime.Loader((plan, "page"), () => new BatchLoader<int, Page>((ids, ct) => ChildPages.LoadAsync(runtime, plan, ids, ct)));
        return _page = loader.Load(ParentId).Then(p => p ?? Execution.Page.Empty);
    }

    /// <summary>The total as a plain value when the parent's own statement counted it (no filter), else deferred.</summary>
    public object TotalCountValue() =>
        plan.IsNested && !plan.Filtered && parent!.TryCount(plan.Relation!.Name, out var counted) ? counted : TotalCount();

    public Deferred<int> TotalCount()
    {
        if (plan.IsNested)
            return Cells(AggregatePlan.ExactCount).Then(cells => cells.Count == 0 ? 0 : cells[0].Row.Count);
        if (!plan.SelectsRows) return new Deferred<int>(ct => RootPages.CountAsync(runtime, plan, ct));
        // A root connection asked for its page and its total counts both in the page's statement.
        var page = Page();
        return new Deferred<int>(async ct => (await page.GetResultAsync(ct)).TotalCount ?? await RootPages.CountAsync(runtime, plan, ct));
    }

    /// <summary>The cells of one of the plan's aggregates or groupings, protected for the caller.</summary>
    public Deferred<IReadOnlyList<PublishedCell>> Cells(AggregatePlan aggregate)
    {
        Deferred<List<Model.AggregateRow>> rows;
        if (!plan.IsNested)
        {
            rows = new Deferred<List<Model.AggregateRow>>(ct => Aggregates.RunAsync(runtime, plan, aggregate, null, ct));
        }
        else
        {
            var loader = runtime.Loader((plan, aggregate), () => new BatchLoader<int, List<Model.AggregateRow>>(async (ids, ct) =>
            {
                var all = await Aggregates.RunAsync(runtime, plan, aggregate, (plan.Relation!.ChildForeignKey, ids), ct);
                return all.GroupBy(r => r.Key!.P!.Value).ToDictionary(g => g.Key, g => g.ToList());
            }));
            rows = loader.Load(ParentId).Then(r => aggregate.First == null ? r ?? [] : (r ?? []).Take(aggregate.First.Value).ToList());
        }
        return rows.Then(list => Publish(list, aggregate));
    }

    private IReadOnlyList<PublishedCell> Publish(List<Model.AggregateRow> list, AggregatePlan aggregate)
    {
        if (list.Count == 0 && aggregate.Dimensions.Count == 0) list = [new Model.AggregateRow()]; // an empty set still has a count of 0
        var cells = list.Select(r => aggregate.Protected ? runtime.Statistics.Publish(plan.Type, r, runtime.Viewer) : new PublishedCell(r, false)).ToList();
        return aggregate.HiddenKeys.Any(h => h) ? HideSuppressedKeys(cells, aggregate.HiddenKeys) : cells;
    }

    /// <summary>
    /// A suppressed cell must not tell which value of a hidden dimension it holds (one household grouped by its
    /// primary cause would reveal the cause): such keys are nulled, and the suppressed cells that then look
    /// alike are merged into one.
    /// </summary>
    private static IReadOnlyList<PublishedCell> HideSuppressedKeys(List<PublishedCell> cells, IReadOnlyList<bool> hidden)
    {
        var result = new List<PublishedCell>();
        var merged = new HashSet<(int?, int?, int?, int?, int?)>();
        foreach (var cell in cells)
        {
            if (!cell.Suppressed || cell.Row.Key == null) { result.Add(cell); continue; }
            var k = cell.Row.Key;
            var key = new Model.GroupKey
            {
                P = k.P, K0 = hidden.ElementAtOrDefault(0) ? null : k.K0, K1 = hidden.ElementAtOrDefault(1) ? null : k.K1,
                K2 = hidden.ElementAtOrDefault(2) ? null : k.K2, K3 = hidden.ElementAtOrDefault(3) ? null : k.K3,
            };
            if (merged.Add((key.P, key.K0, key.K1, key.K2, key.K3)))
                result.Add(new PublishedCell(new Model.AggregateRow { Key = key, Count = 0 }, true));
        }
        return result;
    }
}
