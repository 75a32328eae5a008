using System.Security.Claims;
using PovertyGraph.GraphQL.Access;

namespace PovertyGraph.Server.Auth;

/// <summary>A validated token's claims as a <see cref="Viewer"/>, or the reason they do not describe one.</summary>
public readonly record struct ViewerResolution(Viewer? Viewer, string? Rejection)
{
    public bool Succeeded => Viewer is not null;
    public static ViewerResolution Rejected(string reason) => new(null, reason);
}

/// <summary>
/// Turns the claims of a token whose signature, issuer, audience and lifetime have been validated into a
/// <see cref="Viewer"/>: exactly one known <c>role</c>, a <c>sub</c>, and for NGO an <c>org</c> that names an
/// existing organisation (whose partner villages the viewer then carries). An <c>org</c> on other roles is ignored.
/// </summary>
public sealed class ViewerResolver
{
    private readonly OrganizationDirectory _organizations;

    public ViewerResolver(OrganizationDirectory organizations) => _organizations = organizations;

    public async ValueTask<ViewerResolution> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var (role, subject, organization, rejection) = ReadClaims(principal);
        if (rejection is not null)
            return ViewerResolution.Rejected(rejection);
        if (role != Role.Ngo)
            return new(new Viewer(role, subject), null);
        var villages = await _organizations.FindPartnerVillagesAsync(organization!, cancellationToken);
        return villages is null
            ? ViewerResolution.Rejected("unknown organization in the org claim")
            : new(new Viewer(role, subject, organization, villages), null);
    }

    public ViewerResolution Resolve(ClaimsPrincipal principal)
    {
        var (role, subject, organization, rejection) = ReadClaims(principal);
        if (rejection is not null)
            return ViewerResolution.Rejected(rejection);
        if (role != Role.Ngo)
            return new(new Viewer(role, subject), null);
        var villages = _organizations.FindPartnerVillages(organization!);
        return villages is null
            ? ViewerResolution.Rejected("unknown organization in the org claim")
            : new(new Viewer(role, subject, organization, villages), null);
    }

    private static (Role Role, string? Subject, string? Organization, string? Rejection) ReadClaims(ClaimsPrincipal principal)
    {
        var roles = principal.FindAll(AuthClaims.RoleClaim).Select(c => c.Value).ToList();
        if (roles.Count == 0)
            return Reject("missing role claim");
        if (roles.Count > 1)
            return Reject("more than one role claim");
        if (!AuthClaims.Roles.TryGetValue(roles[0], out var role))
            return Reject($"unknown role (expected one of: {AuthClaims.RoleList})");

        var subjects = principal.FindAll(AuthClaims.SubjectClaim).Select(c => c.Value).ToList();
        if (subjects.Count != 1 || string.IsNullOrWhiteSpace(subjects[0]))
            return Reject("missing sub claim");

        if (role != Role.Ngo)
            return (role, subjects[0], null, null);
        var organizations = principal.FindAll(AuthClaims.OrganizationClaim).Select(c => c.Value).ToList();
        if (organizations.Count == 0 || organizations.All(string.IsNullOrWhiteSpace))
            return Reject("ngo token without org claim");
        if (organizations.Count > 1)
            return Reject("more than one org claim");
        return (role, subjects[0], organizations[0], null);

        static (Role, string?, string?, string?) Reject(string reason) => (Role.Public, null, null, reason);
    }
}
