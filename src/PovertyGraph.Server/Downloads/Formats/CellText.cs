using System.Globalization;

namespace PovertyGraph.Server.Downloads.Formats;

/// <summary>A value as text files write it: invariant numbers, ISO 8601 dates, lower-case booleans, empty for null.</summary>
public static class CellText
{
    public static string Of(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
