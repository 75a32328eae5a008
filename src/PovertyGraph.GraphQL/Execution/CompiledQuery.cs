using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Planning;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// A plan shape's query compiled by EF (<see cref="EF.CompileAsyncQuery{TContext,TParam1,TResult}(Expression{Func{TContext,TParam1,IQueryable{TResult}}})"/>),
/// and where each value sits in the rows it returns. Every plan value the query reads becomes a parameter of the
/// compiled query, so values stay SQL parameters. EF compiles queries of at most 15 parameters: a shape with more
/// values keeps its built query (<see cref="Query"/>), run with the values bound each time.
/// </summary>
public sealed class CompiledQuery
{
    /// <summary>EF compiles queries with at most this many parameters besides the context.</summary>
    public const int MaxParameters = 15;

    private readonly Func<PovertyGraphDbContext, PlanArguments, IAsyncEnumerable<object?[]>>? _run;

    public CompiledQuery(Func<PovertyGraphDbContext, PlanArguments, IAsyncEnumerable<object?[]>>? run, IQueryable<object?[]>? query, ProjectionPlan projection,
        IReadOnlyList<InlinePageReader>? inlinePages = null)
    {
        _run = run;
        Query = query;
        Projection = projection;
        InlinePages = inlinePages ?? [];
    }

    public ProjectionPlan Projection { get; }
    /// <summary>How to read the nested pages each row carries (JSON columns after its sort keys and total).</summary>
    public IReadOnlyList<InlinePageReader> InlinePages { get; }
    /// <summary>The query as built, for a shape EF cannot compile.</summary>
    public IQueryable<object?[]>? Query { get; }

    /// <summary>The rows of the plan whose values are <paramref name="values"/>.</summary>
    public async Task<List<object?[]>> RunAsync(PovertyGraphDbContext db, PlanArguments values, int capacity, CancellationToken ct)
    {
        if (_run == null) // on this request's context: the query was built on another one's
            return await db.GetService<IAsyncQueryProvider>().CreateQuery<object?[]>(PlanValues.Bind(Query!.Expression, values)).ToListAsync(ct);
        var rows = new List<object?[]>(capacity);
        await foreach (var row in _run(db, values).WithCancellation(ct)) rows.Add(row);
        return rows;
    }

    /// <summary>The rows of the plan whose values are <paramref name="values"/>, one at a time as the database returns them.</summary>
    public IAsyncEnumerable<object?[]> Stream(PovertyGraphDbContext db, PlanArguments values) => _run != null
        ? _run(db, values)
        : db.GetService<IAsyncQueryProvider>().CreateQuery<object?[]>(PlanValues.Bind(Query!.Expression, values)).AsAsyncEnumerable();

    private static readonly ParameterExpression Context = Expression.Parameter(typeof(PovertyGraphDbContext), "db");
    private static readonly ParameterExpression Arguments = Expression.Parameter(typeof(PlanArguments), "arguments");

    /// <summary>Compiles a query built on some context; its roots carry no context, so it runs on whichever context it is given.</summary>
    public static CompiledQuery Compile(IQueryable<object?[]> query, ProjectionPlan projection, IReadOnlyList<InlinePageReader> inlinePages)
    {
        var values = new ValuesToParameters();
        var body = values.Visit(query.Expression);
        if (values.Parameters.Count > MaxParameters) return new CompiledQuery(null, query, projection, inlinePages);
        var types = values.Parameters.Select(p => p.Parameter.Type).ToArray();
        var compile = CompileAsyncQuery[types.Length].MakeGenericMethod([typeof(PovertyGraphDbContext), .. types, typeof(object?[])]);
        var compiled = compile.Invoke(null, [Expression.Lambda(body, [Context, .. values.Parameters.Select(p => p.Parameter)])])!;
        // (db, arguments) => compiled(db, (T1)arguments.Get(i1), …), compiled to a delegate once per shape.
        var call = Expression.Invoke(Expression.Constant(compiled), [Context, .. values.Parameters.Select(p => PlanValues.Read(Arguments, p.Index, p.Parameter.Type))]);
        var run = Expression.Lambda<Func<PovertyGraphDbContext, PlanArguments, IAsyncEnumerable<object?[]>>>(call, Context, Arguments).Compile();
        return new CompiledQuery(run, null, projection, inlinePages);
    }

    /// <summary>EF.CompileAsyncQuery(Expression&lt;Func&lt;TContext, T1…Tn, IQueryable&lt;TResult&gt;&gt;&gt;) by n.</summary>
    private static readonly System.Reflection.MethodInfo[] CompileAsyncQuery = Enumerable.Range(0, MaxParameters + 1)
        .Select(n => typeof(EF).GetMethods().Single(m => m.Name == nameof(EF.CompileAsyncQuery) && m.GetGenericArguments().Length == n + 2
            && m.GetParameters()[0].ParameterType.GetGenericArguments()[0].GetGenericArguments()[^1] is { IsGenericType: true } result
            && result.GetGenericTypeDefinition() == typeof(IQueryable<>)))
        .ToArray();

    /// <summary>Each read of a plan value becomes a typed parameter of the compiled query (one per value).</summary>
    private sealed class ValuesToParameters : ExpressionVisitor
    {
        public List<(int Index, ParameterExpression Parameter)> Parameters { get; } = [];

        protected override Expression VisitUnary(UnaryExpression node)
        {
            if (PlanValues.IndexOf(node) is not { } index) return base.VisitUnary(node);
            var existing = Parameters.FirstOrDefault(p => p.Index == index);
            if (existing.Parameter != null) return existing.Parameter;
            var parameter = Expression.Parameter(node.Type, "p" + index);
            Parameters.Add((index, parameter));
            return parameter;
        }
    }
}
