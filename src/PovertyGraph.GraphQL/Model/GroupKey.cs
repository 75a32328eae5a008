namespace PovertyGraph.GraphQL.Model;

/// <summary>GROUP BY key: the parent (for nested connections) and up to four dimensions, all integers.</summary>
public sealed class GroupKey
{
    public int? P { get; set; }
    public int? K0 { get; set; }
    public int? K1 { get; set; }
    public int? K2 { get; set; }
    public int? K3 { get; set; }

    public int? this[int i] => i switch { 0 => K0, 1 => K1, 2 => K2, _ => K3 };
    public const int MaxDimensions = 4;
}
