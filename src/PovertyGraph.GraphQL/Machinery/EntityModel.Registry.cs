namespace PovertyGraph.GraphQL.Machinery;

/// <summary>All entity descriptors of the API, by CLR type and by GraphQL name.</summary>
public sealed class EntityModel
{
    private readonly Dictionary<Type, EntityDescriptor> _byType = new();
    private readonly Dictionary<string, EntityDescriptor> _byName = new();

    public IReadOnlyCollection<EntityDescriptor> All => _byType.Values;
    public EnumTypes Enums { get; } = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<EntityDescriptor, EntityQueries> _engines = new();

    /// <summary>The query engine of a type (one per model: rows point at this model's descriptors).</summary>
    public EntityQueries Engine(EntityDescriptor type) => _engines.GetOrAdd(type, EntityQueries.Create);

    public EntityBuilder<T> Entity<T>(string name, string description, string? rootField = null) where T : class
    {
        var descriptor = new EntityDescriptor { ClrType = typeof(T), Name = name, Description = description, RootField = rootField };
        _byType[typeof(T)] = descriptor;
        _byName[name] = descriptor;
        return new EntityBuilder<T>(descriptor, Enums);
    }

    public EntityDescriptor For(Type type) => _byType.TryGetValue(type, out var d) ? d : throw new KeyNotFoundException($"{type.Name} is not in the API model");
    public EntityDescriptor? ByName(string name) => _byName.GetValueOrDefault(name);
}
