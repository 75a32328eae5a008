using System.Linq.Expressions;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>
/// The SELECT list of one row selection for one caller, and where each value sits in a row: every selected field at
/// the level the access rules give the caller. FULL fields are selected as they are, MASKED ones through their mask
/// (computed by the database), HIDDEN ones not at all. Where a partner organisation's level differs between its
/// partner villages and elsewhere, the row's scope is selected too and each level goes in its own column. Related
/// rows' columns (joins) and correlated counts follow the row's own.
/// </summary>
public sealed class ProjectionPlan
{
    private readonly int[] _primary;
    private readonly int[] _alternate;
    private readonly (AccessLevel In, AccessLevel Out)[] _levels;
    private readonly int _scopeSlot = -1;
    private readonly ParameterExpression _parameter;
    private readonly List<Expression> _columns;
    private readonly Dictionary<string, (int Offset, ProjectionPlan Plan)> _related = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public EntityDescriptor Type { get; }
    /// <summary>x => new object[] { ... }</summary>
    public LambdaExpression Selector { get; }
    /// <summary>Slot of the first extra expression (sort keys for cursors, then any others).</summary>
    public int ExtraStart { get; }
    /// <summary>Number of columns a row of this plan has.</summary>
    public int Width { get; }
    /// <summary>True when each row carries correlated child counts (subqueries evaluated per row).</summary>
    public bool HasCounts => _counts.Count > 0;
    /// <summary>Number of related rows each row carries (for the request's row budget).</summary>
    public int RelatedRowsPerRow => _related.Values.Sum(r => 1 + r.Plan.RelatedRowsPerRow);

    public ProjectionPlan(EntityModel model, EntityDescriptor type, Viewer viewer, RowSelection rows, IReadOnlyList<LambdaExpression> extras, Expression? partners)
    {
        Type = type;
        var x = Expression.Parameter(type.ClrType, "x");
        var columns = new List<Expression>();
        var fields = type.Fields;
        _primary = new int[fields.Count];
        _alternate = Enumerable.Repeat(-1, fields.Count).ToArray();
        _levels = new (AccessLevel, AccessLevel)[fields.Count];
        var scopeLambda = PartnerScope.For(type, viewer, partners);
        var scope = scopeLambda == null ? null : ParameterReplacer.Apply(scopeLambda, x);
        var alternates = new List<(int Field, Expression Column)>();

        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var value = ParameterReplacer.Apply(field.Expression, x);
            var levels = AccessRules.LevelsFor(type, field, viewer);
            if (scope == null) levels = (levels.OutOfScope, levels.OutOfScope); // no row scope: the stricter level
            _levels[i] = levels;
            if (rows.Fields != null && !rows.Fields.Contains(field.Name))
            {
                _primary[i] = -1; // not selected: not read from the database at all
                continue;
            }
            _primary[i] = columns.Count;
            if (levels.InScope == levels.OutOfScope)
            {
                columns.Add(Box(AtLevel(field, value, levels.InScope)));
                continue;
            }
            // Per-row level: each level in its own column, null where the row's scope does not apply.
            columns.Add(Box(OnlyWhen(scope!, AtLevel(field, value, levels.InScope), inScope: true)));
            alternates.Add((i, Box(OnlyWhen(scope!, AtLevel(field, value, levels.OutOfScope), inScope: false))));
        }
        foreach (var (field, column) in alternates)
        {
            _alternate[field] = columns.Count;
            columns.Add(column);
        }
        if (alternates.Count > 0)
        {
            _scopeSlot = columns.Count;
            columns.Add(Box(scope!));
        }
        ExtraStart = columns.Count;
        foreach (var extra in extras) columns.Add(Box(ParameterReplacer.Apply(extra, x)));
        // Related rows and counts the selection asks for, in the same statement: a to-one row's columns through its
        // navigation (a join), a child count as a correlated subquery.
        foreach (var (relation, selection) in rows.Related)
        {
            var plan = new ProjectionPlan(model, model.For(relation.Target), viewer, selection, [], partners);
            _related[relation.Name] = (columns.Count, plan);
            columns.AddRange(plan.ColumnsOver(ParameterReplacer.Apply(relation.Navigation, x)));
        }
        foreach (var relation in rows.Counts)
        {
            _counts[relation.Name] = columns.Count;
            columns.Add(Box(Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [relation.Target], ParameterReplacer.Apply(relation.Navigation, x))));
        }
        _parameter = x;
        _columns = columns;
        Width = columns.Count;
        Selector = Expression.Lambda(Expression.NewArrayInit(typeof(object), columns), x);
        ServerSideGuard.Check(Selector, $"projection of {type.Name}");
    }

    /// <summary>
    /// This plan's columns over another expression of the entity (a to-one navigation of a parent row). The
    /// navigation may be null (a LEFT JOIN that found nothing), so value-type columns are read as nullable.
    /// </summary>
    private IEnumerable<Expression> ColumnsOver(Expression source) => _columns.Select(column =>
    {
        var rebased = new ParameterReplacer(_parameter, source).Visit(column);
        return rebased is UnaryExpression { NodeType: ExpressionType.Convert, Operand: var operand } && operand.Type.IsValueType
               && Nullable.GetUnderlyingType(operand.Type) == null
            ? Expression.Convert(Expression.Convert(operand, typeof(Nullable<>).MakeGenericType(operand.Type)), typeof(object))
            : rebased;
    });

    /// <summary>Where the columns of a related row sit, if this plan fetched that relation.</summary>
    public bool TryRelated(string relation, out int offset, out ProjectionPlan? plan)
    {
        var found = _related.TryGetValue(relation, out var r);
        (offset, plan) = (r.Offset, r.Plan);
        return found;
    }

    /// <summary>The slot of a child count, if this plan fetched it.</summary>
    public bool TryCount(string relation, out int slot) => _counts.TryGetValue(relation, out slot);

    private static Expression AtLevel(ScalarField field, Expression value, AccessLevel level) => level switch
    {
        AccessLevel.Full => value,
        AccessLevel.Masked => AccessRules.Mask(field, value),
        _ => Expression.Constant(null, typeof(object)),
    };

    private static Expression OnlyWhen(Expression scope, Expression value, bool inScope)
    {
        if (value is ConstantExpression { Value: null }) return value;
        var type = value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) == null
            ? typeof(Nullable<>).MakeGenericType(value.Type) : value.Type;
        var typed = Expression.Convert(value, type);
        var none = Expression.Constant(null, type);
        return inScope ? Expression.Condition(scope, typed, none) : Expression.Condition(scope, none, typed);
    }

    private static Expression Box(Expression e) => e.Type == typeof(object) ? e : Expression.Convert(e, typeof(object));

    /// <summary>The value of a field in a row of this plan (null when not selected or hidden).</summary>
    public object? Value(object?[] values, int field)
    {
        if (_primary[field] < 0) return null;
        if (_alternate[field] < 0 || (bool)values[_scopeSlot]!) return values[_primary[field]];
        return values[_alternate[field]];
    }

    public AccessLevel LevelOf(object?[] values, int field)
    {
        var (inScope, outOfScope) = _levels[field];
        if (inScope == outOfScope) return inScope;
        if (_scopeSlot < 0) return outOfScope; // the field was not selected, so no scope column was either
        return (bool)values[_scopeSlot]! ? inScope : outOfScope;
    }
}
