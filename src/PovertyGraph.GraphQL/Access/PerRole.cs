namespace PovertyGraph.GraphQL.Access;

/// <summary>A value configured for each role (a budget, a time limit), bound from a configuration section.</summary>
public sealed class PerRole<T>
{
    public T Public { get; set; } = default!;
    public T Researcher { get; set; } = default!;
    public T Ngo { get; set; } = default!;
    public T Official { get; set; } = default!;
    public T Admin { get; set; } = default!;

    public T For(Role role) => role switch
    {
        Role.Public => Public,
        Role.Researcher => Researcher,
        Role.Ngo => Ngo,
        Role.Official => Official,
        _ => Admin,
    };

    public IEnumerable<(Role Role, T Value)> All =>
        [(Role.Public, Public), (Role.Researcher, Researcher), (Role.Ngo, Ngo), (Role.Official, Official), (Role.Admin, Admin)];
}
