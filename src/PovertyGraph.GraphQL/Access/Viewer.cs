namespace PovertyGraph.GraphQL.Access;

/// <summary>The caller as the server understood its token.</summary>
public sealed record Viewer(Role Role, string? Subject = null, string? Organization = null, IReadOnlySet<int>? PartnerVillageIds = null)
{
    public static readonly Viewer Public = new(Role.Public);
    public IReadOnlySet<int> PartnerVillages => PartnerVillageIds ?? new HashSet<int>();
    /// <summary>Roles that receive exact statistics rather than protected ones.</summary>
    public bool ExactStatistics => Role is Role.Researcher or Role.Official or Role.Admin;
}
