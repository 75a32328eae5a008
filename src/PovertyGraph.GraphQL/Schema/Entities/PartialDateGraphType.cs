using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>
/// A calendar date that may be shown with reduced precision: "1965-03-12" in full, "1965" where the access
/// policy shows only the year (ISO 8601 reduced precision).
/// </summary>
public sealed class PartialDateGraphType : ScalarGraphType
{
    public PartialDateGraphType()
    {
        Name = "PartialDate";
        Description = "ISO 8601 calendar date, possibly reduced to the year (\"1965\") where the caller may see only the year.";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int year => year.ToString("0000", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"not a partial date: {value}"),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => ParseValue((string)s.Value),
        _ => ThrowLiteralConversionError(value),
    };
}
