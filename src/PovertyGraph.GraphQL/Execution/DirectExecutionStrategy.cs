using GraphQL.DataLoader;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// GraphQL.NET's serial strategy, except that a field with a <see cref="SourceResolver"/> is resolved by a direct
/// call: no resolve-field context, no asynchronous state for a value that is already there. A page of 50 rows has
/// hundreds of such fields. Completion (serializing, null checks, child nodes) is GraphQL.NET's own; a resolver that
/// throws is run again on the ordinary path, which reports the error exactly as for any other field.
/// </summary>
public sealed class DirectExecutionStrategy : SerialExecutionStrategy
{
    protected override Task ExecuteNodeAsync(ExecutionContext context, ExecutionNode node)
    {
        if (node.FieldDefinition?.Resolver is not SourceResolver resolver || node.Parent is null or ArrayExecutionNode || node.Source is not { } source)
            return base.ExecuteNodeAsync(context, node);
        context.CancellationToken.ThrowIfCancellationRequested();
        object? result;
        try
        {
            result = resolver.Resolve(source, context.UserContext);
        }
        catch (Exception)
        {
            return base.ExecuteNodeAsync(context, node);
        }
        node.Result = result;
        return result is IDataLoaderResult ? Task.CompletedTask : CompleteNodeAsync(context, node);
    }
}
