using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// Row counts per entity table and, per to-many relation, the most children one parent has: the numbers cost
/// estimates scale by. Read from the database on first use (a count per table and a grouped count per relation, about
/// half a second at province scale), so a nested page is never charged for more rows than any parent has. Counts change
/// only with an import, which may run in another process: every <see cref="CostOptions.StatisticsCheckSeconds"/> the
/// next use reads the dataset's version in the background and, when an import has changed it, the figures again;
/// estimates use the figures they have meanwhile. <see cref="Generation"/> tells kept costs apart.
/// </summary>
public sealed class TableStatistics
{
    private sealed record Figures(string? Version, Dictionary<EntityDescriptor, long> Rows, Dictionary<(EntityDescriptor, string), long> Children, int Generation);

    private readonly EntityModel _model;
    private readonly IDbContextFactory<PovertyGraphDbContext>? _factory;
    private readonly TimeProvider _time;
    private readonly TimeSpan _checkEvery;
    private readonly Lock _gate = new();
    private volatile Figures? _figures;
    private long _checkedAt;
    private int _checking;

    public TableStatistics(IDbContextFactory<PovertyGraphDbContext> factory, EntityModel model, CostOptions options, TimeProvider? time = null)
    {
        _model = model;
        _factory = factory;
        _time = time ?? TimeProvider.System;
        _checkEvery = TimeSpan.FromSeconds(options.StatisticsCheckSeconds);
    }

    /// <summary>Statistics given directly (tests, tools); never read again.</summary>
    public TableStatistics(EntityModel model, IReadOnlyDictionary<EntityDescriptor, long> rows, IReadOnlyDictionary<(EntityDescriptor Parent, string Relation), long> children)
    {
        _model = model;
        _time = TimeProvider.System;
        _figures = new(null, new Dictionary<EntityDescriptor, long>(rows), new Dictionary<(EntityDescriptor, string), long>(children), 1);
    }

    /// <summary>Raised when the figures have been read again after an import (a seam for tests).</summary>
    public event Action<int>? Reloaded;

    /// <summary>
    /// Which reading of the figures estimates use now: 1 for the first, one more after each import seen; 0 before the
    /// first (asking does not read them, so a request that estimates nothing runs no SQL for them).
    /// </summary>
    public int Generation => _figures is { } figures ? CheckIfDue(figures).Generation : 0;

    public long Rows(EntityDescriptor type) => Current().Rows.GetValueOrDefault(type);

    /// <summary>The most rows one parent has through <paramref name="relation"/> (unknown: all the child table's rows).</summary>
    public long MaxChildren(EntityDescriptor parent, ToManyRelation relation) =>
        Current().Children.TryGetValue((parent, relation.Name), out var most) ? most : Rows(_model.For(relation.Target));

    private Figures Current()
    {
        if (_figures is { } figures)
        {
            return CheckIfDue(figures);
        }

        lock (_gate)
        {
            figures = _figures ??= Load(generation: 1);
            Interlocked.Exchange(ref _checkedAt, _time.GetUtcNow().UtcTicks);
            return figures;
        }
    }

    /// <summary>Starts the background check for an import when it is due; the figures in hand serve meanwhile.</summary>
    private Figures CheckIfDue(Figures figures)
    {
        if (_factory != null && _checkEvery > TimeSpan.Zero && _time.GetUtcNow().UtcTicks - Interlocked.Read(ref _checkedAt) >= _checkEvery.Ticks
            && Interlocked.Exchange(ref _checking, 1) == 0)
        {
            // Not part of the request that happens to start it: no trace parent, no cancellation, no request services.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => Recheck(figures));
            }
        }

        return figures;
    }

    private void Recheck(Figures figures)
    {
        try
        {
            if (ReadVersion() != figures.Version)
            {
                var reloaded = Load(figures.Generation + 1);
                _figures = reloaded;
                Reloaded?.Invoke(reloaded.Generation);
            }
        }
        catch (Exception)
        {
            // The database may be busy or briefly unreachable: estimates keep the figures they have, the next check retries.
        }
        finally
        {
            Interlocked.Exchange(ref _checkedAt, _time.GetUtcNow().UtcTicks);
            Volatile.Write(ref _checking, 0);
        }
    }

    private string ReadVersion()
    {
        using var db = _factory!.CreateDbContext();
        return db.Stamp();
    }

    private Figures Load(int generation)
    {
        using var db = _factory!.CreateDbContext();
        var version = db.Stamp();
        var rows = _model.All.ToDictionary(type => type, type => Invoke<long>(nameof(CountRows), type.ClrType, db));
        var children = new Dictionary<(EntityDescriptor, string), long>();
        foreach (var parent in _model.All)
        {
            foreach (var relation in parent.ToMany)
            {
                children[(parent, relation.Name)] = Invoke<long>(nameof(MostChildren), relation.Target, db, relation.ChildForeignKey);
            }
        }

        return new Figures(version, rows, children, generation);
    }

    private static T Invoke<T>(string method, Type entity, params object[] arguments) =>
        (T)typeof(TableStatistics).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(entity).Invoke(null, arguments)!;

    private static long CountRows<T>(PovertyGraphDbContext db) where T : class => db.Set<T>().LongCount();

    /// <summary>SELECT COUNT(*) … GROUP BY parent key, the largest first.</summary>
    private static long MostChildren<T>(PovertyGraphDbContext db, LambdaExpression parentKey) where T : class =>
        db.Set<T>().GroupBy((Expression<Func<T, int>>)parentKey).Select(g => (long)g.Count()).OrderByDescending(c => c).FirstOrDefault();
}
