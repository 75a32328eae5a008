namespace PovertyGraph.GraphQL.Planning;

/// <summary>A plan's values, in the order its expressions refer to them (<see cref="PlanValues"/>).</summary>
public sealed class PlanArguments(object?[] values)
{
    public static readonly PlanArguments None = new([]);

    public object? Get(int index) => values[index];

    public int Count => values.Length;
}
