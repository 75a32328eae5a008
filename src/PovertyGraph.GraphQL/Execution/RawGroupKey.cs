namespace PovertyGraph.GraphQL.Execution;

/// <summary>The GROUP BY key as raw column values (parent first when nested); unused slots stay unbound.</summary>
internal sealed class RawGroupKey<T0, T1, T2, T3, T4>
{
    public T0 V0 { get; set; } = default!;
    public T1 V1 { get; set; } = default!;
    public T2 V2 { get; set; } = default!;
    public T3 V3 { get; set; } = default!;
    public T4 V4 { get; set; } = default!;
}
