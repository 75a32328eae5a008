using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace PovertyGraph.GraphQL.Schema;

/// <summary>The schema as SDL, the same text for the endpoint, the `schema` command and the committed file.</summary>
public static class SchemaSdl
{
    public static string Print(ISchema schema)
    {
        schema.Initialize();
        // No sorting: declared order is deterministic, and keeps enum values in their meaningful order.
        var options = new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = null };
        return schema.Print(options).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
