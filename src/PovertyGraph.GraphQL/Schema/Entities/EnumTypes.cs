using GraphQL.Types;
using PovertyGraph.Data.Import;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>
/// One GraphQL enum type per CLR enum the model uses, with values in CONSTANT_CASE and described from
/// <see cref="EnumDescriptions"/>. One registry per schema: graph type instances belong to one schema.
/// </summary>
public sealed class EnumTypes
{
    private readonly Dictionary<Type, EnumerationGraphType> _types = new();
    private readonly Lock _gate = new();

    public EnumerationGraphType For(Type enumType)
    {
        lock (_gate)
        {
            if (_types.TryGetValue(enumType, out var existing)) return existing;
            var type = new EnumerationGraphType { Name = enumType.Name, Description = EnumDescriptions.ForType(enumType) };
            foreach (var name in Enum.GetNames(enumType))
            {
                type.Add(new EnumValueDefinition(EnumNames.ToConstant(name), Enum.Parse(enumType, name))
                {
                    Description = EnumDescriptions.ForValue(enumType, name),
                });
            }

            _types[enumType] = type;
            return type;
        }
    }

    public IEnumerable<EnumerationGraphType> All { get { lock (_gate) return _types.Values.ToList(); } }
}
