namespace PovertyGraph.Domain;

/// <summary>A partner NGO; its tokens see full household data in its partner villages only.</summary>
public class Organization : SourcedEntity
{
    /// <summary>Stable key carried in NGO tokens' org claim.</summary>
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public List<OrganizationVillage> PartnerVillages { get; set; } = [];
}

public class OrganizationVillage
{
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public int VillageId { get; set; }
    public Village? Village { get; set; }
}

/// <summary>One response that disclosed FULL personal identifiers.</summary>
public class AuditEntry
{
    public int Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Subject { get; set; } = "";
    public string Role { get; set; } = "";
    public string? Organization { get; set; }
    public string? OperationName { get; set; }
    /// <summary>SHA-256 of the query text, hex.</summary>
    public string QueryHash { get; set; } = "";
    /// <summary>Comma-separated household IDs disclosed.</summary>
    public string HouseholdIds { get; set; } = "";
    public int HouseholdCount { get; set; }
    /// <summary>Comma-separated identifier fields disclosed (headName, idNumber, phone…).</summary>
    public string Fields { get; set; } = "";
}
