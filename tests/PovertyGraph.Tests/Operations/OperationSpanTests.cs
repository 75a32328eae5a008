using System.Diagnostics;
using GraphQL.Telemetry;
using PovertyGraph.GraphQL.Telemetry;

namespace PovertyGraph.Tests.Operations;

/// <summary>The hook for code inside an operation (the cost analysis) to tag the operation's span.</summary>
public sealed class OperationSpanTests
{
    [Fact]
    public void SetCost_tags_the_enclosing_operation_span_not_the_span_it_is_called_in()
    {
        using var graphql = new ActivitySource(GraphQLTelemetryProvider.SourceName);
        using var other = new ActivitySource("tests.other");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == graphql || s == other,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        OperationSpan.SetCost(5); // outside an operation: nothing to tag, and no failure
        using var operation = graphql.StartActivity("query Probe")!;
        using (var inner = other.StartActivity("validation")!)
        {
            Assert.Same(operation, OperationSpan.Current);
            OperationSpan.SetCost(1234, 5000);
            Assert.Null(inner.GetTagItem(OperationSpan.CostAttribute));
        }
        Assert.Equal(1234L, operation.GetTagItem(OperationSpan.CostAttribute));
        Assert.Equal(5000L, operation.GetTagItem(OperationSpan.CostLimitAttribute));
    }
}
