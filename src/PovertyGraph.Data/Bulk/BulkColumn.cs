namespace PovertyGraph.Data.Bulk;

/// <summary>One column of a <see cref="BulkTable"/>.</summary>
/// <param name="Name">The delimited column name.</param>
/// <param name="StoreType">The column's type without facets (<c>integer</c>, <c>character varying</c>).</param>
/// <param name="Generated">An identity column.</param>
/// <param name="Read">The provider value of this column for an entity, or null.</param>
internal sealed record BulkColumn(string Name, string StoreType, bool Generated, Func<object, object?> Read);
