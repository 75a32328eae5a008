namespace PovertyGraph.GraphQL.Model;

/// <summary>
/// What a field of a type that holds personal data holds, as the declarations say (<see cref="EntityBuilder{T}"/>).
/// The role matrix (Access/RoleMatrix.cs) turns a class, with the field's mask, into a level per role.
/// </summary>
public enum PersonalData
{
    /// <summary>Not personal: shown in full to every caller who may read the type.</summary>
    None,
    /// <summary>Names a person directly (a name, an identity number, a phone).</summary>
    Identifier,
    /// <summary>Names no one alone but narrows down who a record is (a birth date).</summary>
    QuasiIdentifier,
    /// <summary>What must not be tied to a named person (the cause of poverty, an income).</summary>
    SensitiveAttribute,
}
