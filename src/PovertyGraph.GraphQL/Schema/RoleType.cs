using GraphQL.Types;
using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.GraphQL.Schema;

/// <summary>The Role enum of <c>me { role }</c>.</summary>
public sealed class RoleType : EnumerationGraphType<Role>
{
    public RoleType()
    {
        Name = "Role";
        Description = "Access roles (see the README's roles table).";
        foreach (var value in Values)
        {
            value.Description = value.Name switch
            {
                "PUBLIC" => "No token: anyone.",
                "RESEARCHER" => "Researchers: exact statistics and analytic fields, no names.",
                "NGO" => "Partner NGOs: full household data in their partner villages only.",
                "OFFICIAL" => "Government officials: full data.",
                _ => "Administrators: full data and the audit log.",
            };
        }
    }
}
