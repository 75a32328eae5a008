namespace PovertyGraph.GraphQL.Model;

/// <summary>All entity descriptors of the API, by CLR type and by GraphQL name, and the enums their fields use.</summary>
public sealed class EntityModel
{
    private readonly Dictionary<Type, EntityDescriptor> _byType = new();
    private readonly Dictionary<string, EntityDescriptor> _byName = new();
    private readonly List<Type> _enums = [];

    public IReadOnlyCollection<EntityDescriptor> All => _byType.Values;

    /// <summary>The CLR enums fields and dimensions use, in the order they were first declared.</summary>
    public IReadOnlyList<Type> Enums => _enums;

    public bool Sealed { get; private set; }

    public EntityBuilder<T> Entity<T>(string name, string description, string? rootField = null) where T : class
    {
        if (Sealed) throw new InvalidOperationException("the model is sealed");
        var descriptor = new EntityDescriptor { ClrType = typeof(T), Name = name, Description = description, RootField = rootField };
        _byType[typeof(T)] = descriptor;
        _byName[name] = descriptor;
        return new EntityBuilder<T>(descriptor, this);
    }

    internal void UseEnum(Type type)
    {
        if (!_enums.Contains(type)) _enums.Add(type);
    }

    public EntityDescriptor For(Type type) => _byType.TryGetValue(type, out var d) ? d : throw new KeyNotFoundException($"{type.Name} is not in the API model");
    public EntityDescriptor? ByName(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Closes the model, refusing it when a type that holds personal data has a field that does not say what it
    /// holds: access is closed by default, so an undeclared field stops the server from starting.
    /// </summary>
    public EntityModel Seal()
    {
        var undeclared = All.Where(t => t.HoldsPersonalData)
            .SelectMany(t => t.PublicFields.Where(f => f.PersonalData == null).Select(f => $"{t.Name}.{f.Name}")).ToList();
        if (undeclared.Count > 0)
        {
            throw new InvalidOperationException($"{string.Join(", ", undeclared)}: a type that holds personal data must declare what each field " +
                                                "holds (.NotPersonal(), .Identifier(…), .QuasiIdentifier(…) or .SensitiveAttribute())");
        }

        var unscoped = All.Where(t => t.Fields.Any(f => f.IsPersonal) && !t.HoldsPersonalData).Select(t => t.Name).ToList();
        if (unscoped.Count > 0) throw new InvalidOperationException($"{string.Join(", ", unscoped)} declare personal fields but not .HoldsPersonalData()");
        foreach (var type in All.Where(t => t.Fields.Any(f => f.PersonalData == Model.PersonalData.Identifier)))
        {
            if (type.AuditSubject is not { } subject || ByName(subject.Type) == null || type.Fields.All(f => f.Name != subject.Field))
                throw new InvalidOperationException($"{type.Name} holds identifiers but names no audit subject (.AuditedAs(…))");
        }

        Sealed = true;
        return this;
    }
}
