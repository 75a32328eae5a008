using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Access;

/// <summary>
/// The one table of who sees what: a personal-data class, with the audience of the field's mask, gives a level per
/// role. Fields say their class where they are declared (Types/*Model.cs); nothing else decides a level. A partner
/// organisation has two levels: one for rows in its partner villages, one for rows elsewhere.
/// </summary>
public static class RoleMatrix
{
    /// <summary>Who a masked form may be shown to: a surname or a birth year says little; an ID number's ends say more.</summary>
    public enum MaskAudience { NoMask, Public, Partners }

    public static MaskAudience AudienceOf(Mask mask) => mask switch
    {
        Mask.None => MaskAudience.NoMask,
        Mask.Surname or Mask.YearOnly => MaskAudience.Public,
        _ => MaskAudience.Partners,
    };

    private const AccessLevel F = AccessLevel.Full, M = AccessLevel.Masked, H = AccessLevel.Hidden;

    // Columns: Public, Researcher, NGO in partner villages, NGO elsewhere, Official, Admin. Researchers see sensitive
    // attributes, so no identifier of theirs may sit beside them, masked or not.
    private static readonly Dictionary<(PersonalData, MaskAudience), AccessLevel[]> Levels = new()
    {
        [(PersonalData.Identifier, MaskAudience.Public)] = [M, H, F, M, F, F],
        [(PersonalData.Identifier, MaskAudience.Partners)] = [H, H, M, H, F, F],
        [(PersonalData.Identifier, MaskAudience.NoMask)] = [H, H, F, H, F, F],
        [(PersonalData.QuasiIdentifier, MaskAudience.Public)] = [M, M, F, M, F, F],
        [(PersonalData.QuasiIdentifier, MaskAudience.Partners)] = [H, H, M, H, F, F],
        [(PersonalData.QuasiIdentifier, MaskAudience.NoMask)] = [H, H, F, H, F, F],
        [(PersonalData.SensitiveAttribute, MaskAudience.NoMask)] = [H, F, F, H, F, F],
    };

    /// <summary>The level in partner villages (or everywhere, for other roles) and the level elsewhere.</summary>
    public static (AccessLevel InScope, AccessLevel OutOfScope) For(PersonalData data, Mask mask, Role role)
    {
        if (data == PersonalData.None) return (F, F);
        var key = (data, data == PersonalData.SensitiveAttribute ? MaskAudience.NoMask : AudienceOf(mask));
        // Closed by default: a combination the table does not list is hidden from everyone but officials and admins.
        var row = Levels.GetValueOrDefault(key) ?? [H, H, H, H, F, F];
        return role switch
        {
            Role.Public => (row[0], row[0]),
            Role.Researcher => (row[1], row[1]),
            Role.Ngo => (row[2], row[3]),
            Role.Official => (row[4], row[4]),
            _ => (row[5], row[5]),
        };
    }
}
