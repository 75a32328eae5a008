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

    /// <summary>Requests prepared (compiled).</summary>
    public int PreparedCount => _entries.Values.Count(e => e.Page != null);

    /// <summary>The key of a root connection field for this caller, or null when its pages are never prepared.</summary>
    public Key? KeyFor(IResolveFieldContext context, Viewer viewer) =>
        capacity <= 0 || viewer.Role == Role.Ngo ? null : new Key(context.FieldAst, viewer.Role, Describe(context.Arguments));

    public PreparedPage? Find(Key? key) => key is { } k && _entries.TryGetValue(k, out var entry) ? entry.Page : null;

    /// <summary>Notes a sighting of <paramref name="key"/>; true once, on the second, when the page should be prepared.</summary>
    public bool ShouldPrepare(Key key)
    {
        if (_entries.Count >= capacity) _entries.Clear();
        return Interlocked.Increment(ref _entries.GetOrAdd(key, _ => new Entry()).Sightings) == 2;
    }

    public void Store(Key key, PreparedPage page)
    {
        if (_entries.TryGetValue(key, out var entry)) entry.Page = page;
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

/// <summary>A root page ready to run: the compiled query and the shape of its rows.</summary>
public sealed record PreparedPage(Func<PovertyGraphDbContext, IAsyncEnumerable<object?[]>> Rows, PageShape Shape)
{
    private static readonly ParameterExpression Context = Expression.Parameter(typeof(PovertyGraphDbContext), "db");

    /// <summary>Compiles a query built on some context's set; the compiled query runs on whichever context it is given.</summary>
    public static Func<PovertyGraphDbContext, IAsyncEnumerable<object?[]>> Compile(IQueryable<object?[]> query) =>
        EF.CompileAsyncQuery(Expression.Lambda<Func<PovertyGraphDbContext, IQueryable<object?[]>>>(query.Expression, Context));
}
