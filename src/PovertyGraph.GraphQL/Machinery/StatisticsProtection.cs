using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.GraphQL.Machinery;

/// <summary>An aggregate cell as published: suppressed, or with (possibly perturbed) values.</summary>
public sealed record PublishedCell(AggregateRow Row, bool Suppressed);

/// <summary>
/// The one point where aggregate cells are protected before they leave the server. The machinery calls it
/// for every aggregate and group it returns.
/// </summary>
public interface IStatisticsProtection
{
    PublishedCell Publish(EntityDescriptor type, AggregateRow row, Viewer viewer);
}
