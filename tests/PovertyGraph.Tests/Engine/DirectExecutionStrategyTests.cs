using GraphQL;
using GraphQL.Execution;
using GraphQL.Resolvers;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using PovertyGraph.GraphQL.Execution;

namespace PovertyGraph.Tests.Engine;

/// <summary>
/// <see cref="DirectExecutionStrategy"/> answers exactly as GraphQL.NET's serial strategy does (values, nulls, errors
/// and their paths, deferred values), and resolves <see cref="SourceResolver"/> fields without a field context.
/// </summary>
public sealed class DirectExecutionStrategyTests
{
    private sealed record Item(string Name, int? Size, bool Fails);

    /// <summary>A schema of items whose fields use <see cref="SourceResolver"/>.</summary>
    private static ISchema Schema()
    {
        FieldType Field(string name, IGraphType type, Func<Item, object?> value) => new()
        {
            Name = name,
            ResolvedType = type,
            Resolver = new SourceResolver((source, user) =>
            {
                Assert.True(user.ContainsKey("request"), "the user context reaches the resolver");
                return value((Item)source);
            }),
        };
        var item = new ObjectGraphType { Name = "Item" };
        item.AddField(Field("name", new NonNullGraphType(new StringGraphType()), i => i.Name));
        item.AddField(Field("size", new IntGraphType(), i => i.Size));
        item.AddField(Field("required", new NonNullGraphType(new IntGraphType()), i => i.Size)); // null for some items: an error
        item.AddField(Field("broken", new StringGraphType(), i => i.Fails ? throw new InvalidOperationException("boom") : "fine"));
        item.AddField(Field("refused", new StringGraphType(), i => i.Fails ? throw new ExecutionError("not for this item") : "allowed"));
        item.AddField(Field("later", new StringGraphType(), i => new Deferred<string?>(_ => Task.FromResult<string?>(i.Name + " later"))));
        item.AddField(Field("self", item, i => i));
        var query = new ObjectGraphType { Name = "Query" };
        query.AddField(new FieldType
        {
            Name = "items",
            ResolvedType = new ListGraphType(new NonNullGraphType(item)),
            Resolver = new FuncFieldResolver<object>(_ => new List<Item> { new("a", 1, false), new("b", null, true), new("c", 3, false) }),
        });
        var schema = new global::GraphQL.Types.Schema { Query = query };
        schema.Initialize();
        return schema;
    }

    private static async Task<string> Run(IExecutionStrategy strategy, ISchema schema, string query)
    {
        var executer = new DocumentExecuter(new GraphQLDocumentBuilder(), new DocumentValidator(),
            new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(strategy, OperationType.Query)]), []);
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = query,
            UserContext = new Dictionary<string, object?> { ["request"] = 1 },
        });
        return new GraphQLSerializer().Serialize(result);
    }

    [Theory]
    [InlineData("{ items { name size } }")]
    [InlineData("{ items { name required } }")]
    [InlineData("{ items { name broken refused } }")]
    [InlineData("{ items { later self { name self { size later } } } }")]
    [InlineData("{ items { n: name s: size ...F } } fragment F on Item { broken @skip(if: true) later }")]
    public async Task Answers_exactly_as_the_serial_strategy(string query)
    {
        var expected = await Run(new SerialExecutionStrategy(), Schema(), query);
        var actual = await Run(new DirectExecutionStrategy(), Schema(), query);
        Assert.Equal(expected, actual);
        Assert.Contains("\"data\"", actual);
    }

    [Fact]
    public async Task Errors_keep_their_message_and_path()
    {
        var json = await Run(new DirectExecutionStrategy(), Schema(), "{ items { name broken refused required } }");
        Assert.Contains("\"not for this item\"", json);
        Assert.Contains("[\"items\",1,\"refused\"]", json);
        Assert.Contains("[\"items\",1,\"broken\"]", json);
        Assert.Contains("Error trying to resolve field \\u0027broken\\u0027.", json);
        Assert.DoesNotContain("boom", json); // unhandled exception details stay hidden, as on the ordinary path
        Assert.Contains("[\"items\",1,\"required\"]", json);
    }

    [Fact]
    public async Task Source_resolvers_run_without_a_field_context_unless_they_fail()
    {
        static long ThroughContext(ISchema schema, string field) =>
            ((SourceResolver)((IObjectGraphType)schema.AllTypes["Item"]!).GetField(field)!.Resolver!).ResolvedThroughContext;
        const string query = "{ items { name size broken self { name } } }";

        var direct = Schema();
        await Run(new DirectExecutionStrategy(), direct, query);
        Assert.Equal(0, ThroughContext(direct, "name"));
        Assert.Equal(0, ThroughContext(direct, "size"));
        Assert.Equal(0, ThroughContext(direct, "self"));
        Assert.Equal(1, ThroughContext(direct, "broken")); // item b threw: run again the ordinary way, which reports it

        var serial = Schema();
        await Run(new SerialExecutionStrategy(), serial, query);
        Assert.Equal(6, ThroughContext(serial, "name")); // three items, and each one's self
        Assert.Equal(3, ThroughContext(serial, "broken"));
    }
}
