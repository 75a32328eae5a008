using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace PovertyGraph.Data;

/// <summary>
/// A value as JSON text, computed by the database: <c>json_quote(v)</c> on SQLite, <c>to_json(v)</c> on PostgreSQL.
/// Lets a query build JSON in SQL (a nested page as one column of its parent's row), so text is escaped by the database
/// and no value leaves it unescaped. Only for use in queries: the methods themselves do not run.
/// </summary>
public static class SqlJson
{
    public static string Value(string? value) => throw Unsupported();
    public static string Value(int? value) => throw Unsupported();
    public static string Value(long? value) => throw Unsupported();
    public static string Value(bool? value) => throw Unsupported();
    public static string Value(double? value) => throw Unsupported();
    public static string Value(DateOnly? value) => throw Unsupported();
    public static string Value(DateTimeOffset? value) => throw Unsupported();

    /// <summary>The types <see cref="Value(string)"/> takes.</summary>
    public static readonly IReadOnlySet<Type> Types = typeof(SqlJson).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.Name == nameof(Value)).Select(m => m.GetParameters()[0].ParameterType).ToHashSet();

    private static NotSupportedException Unsupported() => new("SqlJson.Value is translated to SQL; it does not run in memory");

    /// <summary>Maps the functions for the context's provider.</summary>
    public static void Map(ModelBuilder modelBuilder, string? provider)
    {
        var function = provider?.Contains("Npgsql", StringComparison.Ordinal) == true ? "to_json" : "json_quote";
        foreach (var method in typeof(SqlJson).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == nameof(Value)))
        {
            modelBuilder.HasDbFunction(method).HasTranslation(arguments =>
                new SqlFunctionExpression(function, arguments, nullable: true, argumentsPropagateNullability: [true], typeof(string), null));
        }
    }
}
