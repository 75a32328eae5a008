using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Access;

/// <summary>
/// The one point where aggregate cells are protected before they leave the server. Execution calls it for every
/// aggregate and group it returns.
/// </summary>
public interface IStatisticsProtection
{
    PublishedCell Publish(EntityDescriptor type, AggregateRow row, Viewer viewer);
}
