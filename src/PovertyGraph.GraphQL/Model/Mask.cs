namespace PovertyGraph.GraphQL.Model;

/// <summary>
/// The masked form a personal field may be shown in. Declared with the field; how each is computed in SQL and who
/// may see it lives in Access/ (Masks, RoleMatrix).
/// </summary>
public enum Mask
{
    /// <summary>No masked form: a caller who may not see the field in full does not see it at all.</summary>
    None,
    /// <summary>The surname and one '*': 王*, 欧阳*.</summary>
    Surname,
    /// <summary>The region (first 6) and the last 4 characters of a GB 11643 number: 220281********9017.</summary>
    IdentityNumberEnds,
    /// <summary>The year of a date.</summary>
    YearOnly,
}
