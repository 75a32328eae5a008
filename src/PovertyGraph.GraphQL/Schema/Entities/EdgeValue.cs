using PovertyGraph.GraphQL.Execution;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>A row of a page and its cursor.</summary>
public sealed record EdgeValue(EntityRow Row, string Cursor);
