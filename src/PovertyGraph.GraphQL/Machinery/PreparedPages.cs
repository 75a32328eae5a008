using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.GraphQL.Machinery;

/// <summary>
/// Root pages asked for again and again (a dashboard's first screen, a front end's list) are prepared once: the
/// arguments checked, the caller's projection built and the LINQ query compiled by EF
/// (<see cref="EF.CompileAsyncQuery{TContext,TResult}(Expression{Func{TContext,IQueryable{TResult}}})"/>). A repeat
/// then skips our expression building and EF's per-query parameter extraction and cache lookup, and only runs SQL.
/// <para>
/// The key is the exact request: the field node of the cached document (so its selection: columns, joins, counts),
/// the caller's role and the argument values after variables. A request is prepared on its second sighting (one-off
/// queries never pay for a compilation); callers whose access depends on more than their role (NGO partners) are
/// never prepared. The cache is bounded and starts again empty when full.
/// </para>
/// </summary>
public sealed class PreparedPages(int capacity)
{
    public readonly record struct Key(GraphQLField Field, Role Role, string Arguments);

    private sealed class Entry
    {
        public int Sightings;
        public volatile PreparedPage? Page;
    }

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();

    /// <summary>Requests seen (prepared or not yet).</summary>
    public int Count => _entries.Count;

    /// <summary>Sightings noted and pages prepared since start (they only grow, unlike <see cref="Count"/>).</summary>
    public long TotalSightings => Interlocked.Read(ref _sightings);
    public long TotalPrepared => Interlocked.Read(ref _prepared);
    private long _sightings, _prepared;

    /// <summary>The key of a root connection field for this caller, or null when its pages are never prepared.</summary>
    public Key? KeyFor(IResolveFieldContext context, Viewer viewer) =>
        capacity <= 0 || viewer.Role == Role.Ngo ? null : new Key(context.FieldAst, viewer.Role, Describe(context.Arguments));

    public PreparedPage? Find(Key? key) => key is { } k && _entries.TryGetValue(k, out var entry) ? entry.Page : null;

    /// <summary>Notes a sighting of <paramref name="key"/>; true once, on the second, when the page should be prepared.</summary>
    public bool ShouldPrepare(Key key)
    {
        Interlocked.Increment(ref _sightings);
        if (!_entries.TryGetValue(key, out var entry))
        {
            if (_entries.Count >= capacity) _entries.Clear(); // full: start again with what is asked for now
            entry = _entries.GetOrAdd(key, _ => new Entry());
        }
        return Interlocked.Increment(ref entry.Sightings) == 2;
    }

    public void Store(Key key, PreparedPage page)
    {
        if (!_entries.TryGetValue(key, out var entry)) return;
        entry.Page = page;
        Interlocked.Increment(ref _prepared);
    }

    /// <summary>A canonical text of argument values (types included, strings quoted), for the key.</summary>
    public static string Describe(IDictionary<string, ArgumentValue>? arguments)
    {
        if (arguments is not { Count: > 0 }) return "";
        var text = new StringBuilder();
        foreach (var (name, argument) in arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=');
            Append(text, argument.Value);
            text.Append(';');
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                break;
            case IDictionary<string, object?> map:
                text.Append('{');
                foreach (var (name, item) in map) { text.Append(name).Append(':'); Append(text, item); text.Append(','); }
                text.Append('}');
                break;
            case IEnumerable list:
                text.Append('[');
                foreach (var item in list) { Append(text, item); text.Append(','); }
                text.Append(']');
                break;
            default:
                text.Append(value.GetType().Name).Append(':')
                    .Append(value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString());
                break;
        }
    }
}

/// <summary>What turning a page query's rows into a <see cref="Page"/> needs.</summary>
public sealed record PageShape(ProjectionPlan Plan, IReadOnlyList<SortKey> Keys, int Size, bool Backward, bool HasCursor, bool WithTotal);

/// <summary>A root page ready to run: the compiled query, its parameter values and the shape of its rows.</summary>
public sealed class PreparedPage
{
    /// <summary>EF compiles queries with at most this many parameters besides the context.</summary>
    public const int MaxParameters = 15;

    private static readonly ParameterExpression Context = Expression.Parameter(typeof(PovertyGraphDbContext), "db");
    private static readonly ParameterExpression Values = Expression.Parameter(typeof(object?[]), "values");

    private readonly Func<PovertyGraphDbContext, object?[], IAsyncEnumerable<object?[]>> _query;
    private readonly object?[] _values;

    private PreparedPage(Func<PovertyGraphDbContext, object?[], IAsyncEnumerable<object?[]>> query, object?[] values, PageShape shape)
    {
        _query = query;
        _values = values;
        Shape = shape;
    }

    public PageShape Shape { get; }

    public IAsyncEnumerable<object?[]> Rows(PovertyGraphDbContext db) => _query(db, _values);

    /// <summary>
    /// Compiles a query built on some context's set; it then runs on whichever context it is given. A compiled query
    /// would inline the values it captures as SQL literals, so every <see cref="ValueHolder{T}"/> becomes a parameter
    /// of the compiled query instead: input still reaches SQL only as parameters. Null when the query has more
    /// values than EF's compiled queries take.
    /// </summary>
    public static PreparedPage? TryCompile(IQueryable<object?[]> query, PageShape shape)
    {
        var holders = new HoldersToParameters();
        var body = holders.Visit(query.Expression);
        if (holders.Parameters.Count > MaxParameters) return null;
        var types = holders.Parameters.Select(p => p.Type).ToArray();
        var lambda = Expression.Lambda(body, [Context, .. holders.Parameters]);
        var compile = CompileAsyncQuery[types.Length].MakeGenericMethod([typeof(PovertyGraphDbContext), .. types, typeof(object?[])]);
        var compiled = compile.Invoke(null, [lambda])!;
        // (db, values) => compiled(db, (T1)values[0], …), compiled to a delegate once.
        var arguments = types.Select((t, i) => (Expression)Expression.Convert(Expression.ArrayIndex(Values, Expression.Constant(i)), t));
        var call = Expression.Invoke(Expression.Constant(compiled), [Context, .. arguments]);
        var run = Expression.Lambda<Func<PovertyGraphDbContext, object?[], IAsyncEnumerable<object?[]>>>(call, Context, Values).Compile();
        return new PreparedPage(run, holders.Values.ToArray(), shape);
    }

    /// <summary>EF.CompileAsyncQuery(Expression&lt;Func&lt;TContext, T1…Tn, IQueryable&lt;TResult&gt;&gt;&gt;) by n.</summary>
    private static readonly System.Reflection.MethodInfo[] CompileAsyncQuery = Enumerable.Range(0, MaxParameters + 1)
        .Select(n => typeof(EF).GetMethods().Single(m => m.Name == nameof(EF.CompileAsyncQuery) && m.GetGenericArguments().Length == n + 2
            && m.GetParameters()[0].ParameterType.GetGenericArguments()[0].GetGenericArguments()[^1] is { IsGenericType: true } result
            && result.GetGenericTypeDefinition() == typeof(IQueryable<>)))
        .ToArray();

    private sealed class HoldersToParameters : ExpressionVisitor
    {
        public List<ParameterExpression> Parameters { get; } = [];
        public List<object?> Values { get; } = [];

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is not ConstantExpression { Value: { } holder } || !holder.GetType().IsGenericType
                || holder.GetType().GetGenericTypeDefinition() != typeof(ValueHolder<>))
                return base.VisitMember(node);
            var parameter = Expression.Parameter(node.Type, "p" + Parameters.Count);
            Parameters.Add(parameter);
            Values.Add(((System.Reflection.PropertyInfo)node.Member).GetValue(holder));
            return parameter;
        }
    }
}
