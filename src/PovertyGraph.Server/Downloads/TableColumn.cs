namespace PovertyGraph.Server.Downloads;

/// <summary>
/// One column of a downloaded table as its metadata describes it: the header, what its values are, what they count
/// and, for a value the caller may not see in full, how it is shown. Writers and the CSVW description read the same.
/// </summary>
public sealed record TableColumn(string Name, ColumnType Type, string Description)
{
    /// <summary>What the values count or measure (yuan, persons, year), when they are numbers with a unit.</summary>
    public string? Unit { get; init; }

    /// <summary>For a masked column: the form the caller sees it in (null: in full).</summary>
    public string? Masked { get; init; }

    /// <summary>Why a value may be empty (null: it never is).</summary>
    public string? EmptyMeans { get; init; }

    /// <summary>Parquet and JSON need a stable name: the header as written.</summary>
    public override string ToString() => Name;
}
