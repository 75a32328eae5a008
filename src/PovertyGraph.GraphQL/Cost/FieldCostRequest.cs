using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using PovertyGraph.GraphQL.Execution;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>One field selection to cost.</summary>
/// <param name="ParentType">The type the field is selected on.</param>
/// <param name="Definition">The field's definition in the schema.</param>
/// <param name="Node">The selection in the document.</param>
/// <param name="Arguments">Its argument values after variables (null when it has none).</param>
/// <param name="Scope">What the parent field's estimate handed down (<see cref="FieldCost.Scope"/>), or null.</param>
/// <param name="Document">The document the selection belongs to.</param>
/// <param name="Runtime">The request whose plans the estimate builds and hands to execution; null when the document is
/// costed before validation, from its literal arguments, and nothing is planned.</param>
public readonly record struct FieldCostRequest(
    IGraphType ParentType, FieldType Definition, GraphQLField Node, IDictionary<string, ArgumentValue>? Arguments, object? Scope,
    GraphQLDocument Document, QueryRuntime? Runtime)
{
    /// <summary>An argument's value, when given and of type <typeparamref name="T"/>.</summary>
    public T? Argument<T>(string name) where T : struct =>
        Arguments != null && Arguments.TryGetValue(name, out var value) && value.Value is T typed ? typed : null;

    /// <summary>A list argument's number of items, when given.</summary>
    public int? Count(string name) =>
        Arguments != null && Arguments.TryGetValue(name, out var value) && value.Value is System.Collections.ICollection list ? list.Count : null;

    /// <summary>A list argument's items, when given.</summary>
    public IEnumerable<object?> Items(string name) =>
        Arguments != null && Arguments.TryGetValue(name, out var value) && value.Value is System.Collections.IEnumerable list and not string
            ? list.Cast<object?>()
            : [];
}
