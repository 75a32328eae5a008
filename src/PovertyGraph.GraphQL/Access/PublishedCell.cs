using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Access;

/// <summary>An aggregate cell as published: suppressed, or with (possibly perturbed) values.</summary>
public sealed record PublishedCell(AggregateRow Row, bool Suppressed);
