using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Access;

/// <summary>
/// The one point where aggregate cells are protected before they leave the server. Execution calls it for every
/// aggregate and group it returns.
/// </summary>
public interface IStatisticsProtection
{
    PublishedCell Publish(EntityDescriptor type, AggregateRow row, Viewer viewer);

    /// <summary>What users need to know to analyse the protected figures (published in `dataset` and the downloads' metadata).</summary>
    StatisticsProtectionParameters Parameters { get; }
}
