using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// Row counts per entity table and, per to-many relation, the most children one parent has: the numbers cost
/// estimates scale by. Read from the database once, on first use (a count per table and a grouped count per
/// relation, about half a second at province scale), so a nested page is never charged for more rows than any
/// parent has. Counts change only with an import; a server keeps the figures it started with.
/// </summary>
public sealed class TableStatistics
{
    private readonly Lazy<(Dictionary<EntityDescriptor, long> Rows, Dictionary<(EntityDescriptor, string), long> Children)> _figures;

    private readonly EntityModel _model;

    public TableStatistics(IDbContextFactory<PovertyGraphDbContext> factory, EntityModel model)
    {
        _model = model;
        _figures = new(() => Load(factory, model));
    }

    /// <summary>Statistics given directly (tests, tools).</summary>
    public TableStatistics(EntityModel model, IReadOnlyDictionary<EntityDescriptor, long> rows, IReadOnlyDictionary<(EntityDescriptor Parent, string Relation), long> children)
    {
        _model = model;
        _figures = new((new Dictionary<EntityDescriptor, long>(rows), new Dictionary<(EntityDescriptor, string), long>(children)));
    }

    public long Rows(EntityDescriptor type) => _figures.Value.Rows.GetValueOrDefault(type);

    /// <summary>The most rows one parent has through <paramref name="relation"/> (unknown: all the child table's rows).</summary>
    public long MaxChildren(EntityDescriptor parent, ToManyRelation relation) =>
        _figures.Value.Children.TryGetValue((parent, relation.Name), out var most) ? most : Rows(_model.For(relation.Target));

    private static (Dictionary<EntityDescriptor, long>, Dictionary<(EntityDescriptor, string), long>) Load(IDbContextFactory<PovertyGraphDbContext> factory, EntityModel model)
    {
        using var db = factory.CreateDbContext();
        var rows = model.All.ToDictionary(type => type, type => Invoke<long>(nameof(CountRows), type.ClrType, db));
        var children = new Dictionary<(EntityDescriptor, string), long>();
        foreach (var parent in model.All)
        {
            foreach (var relation in parent.ToMany)
                children[(parent, relation.Name)] = Invoke<long>(nameof(MostChildren), relation.Target, db, relation.ChildForeignKey);
        }

        return (rows, children);
    }

    private static T Invoke<T>(string method, Type entity, params object[] arguments) =>
        (T)typeof(TableStatistics).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(entity).Invoke(null, arguments)!;

    private static long CountRows<T>(PovertyGraphDbContext db) where T : class => db.Set<T>().LongCount();

    /// <summary>SELECT COUNT(*) … GROUP BY parent key, the largest first.</summary>
    private static long MostChildren<T>(PovertyGraphDbContext db, LambdaExpression parentKey) where T : class =>
        db.Set<T>().GroupBy((Expression<Func<T, int>>)parentKey).Select(g => (long)g.Count()).OrderByDescending(c => c).FirstOrDefault();
}
