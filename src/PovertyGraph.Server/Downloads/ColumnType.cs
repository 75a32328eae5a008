namespace PovertyGraph.Server.Downloads;

/// <summary>How a column's values are written: the CLR value each format receives and the datatype metadata states.</summary>
public enum ColumnType
{
    /// <summary>string (names, enum values, global IDs, partial dates).</summary>
    Text,
    /// <summary>long (counts, years, whole yuan).</summary>
    Integer,
    /// <summary>bool.</summary>
    Boolean,
    /// <summary>DateOnly.</summary>
    Date,
    /// <summary>DateTimeOffset, written in UTC.</summary>
    DateTime,
}
