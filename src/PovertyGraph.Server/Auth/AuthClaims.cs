using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.Server.Auth;

/// <summary>Claim names and role values of API.md ("Roles and personal data").</summary>
public static class AuthClaims
{
    public const string RoleClaim = "role";
    public const string SubjectClaim = "sub";
    public const string OrganizationClaim = "org";

    /// <summary>Role claim values (lower case), as tokens carry them. PUBLIC is never carried: it is the absence of a token.</summary>
    public static readonly IReadOnlyDictionary<string, Role> Roles = new Dictionary<string, Role>(StringComparer.Ordinal)
    {
        ["researcher"] = Role.Researcher,
        ["ngo"] = Role.Ngo,
        ["official"] = Role.Official,
        ["admin"] = Role.Admin,
    };

    /// <summary>"researcher, ngo, official, admin".</summary>
    public static string RoleList => string.Join(", ", Roles.Keys);

    public static string ClaimValue(Role role) =>
        Roles.FirstOrDefault(r => r.Value == role).Key ?? throw new ArgumentException($"role {role} is not carried in tokens", nameof(role));
}
