using GraphQL.Types;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>
/// Generates, from one entity descriptor, every graph type of that entity: the object type, its filter, list-filter
/// and sort inputs, connection, edge, aggregates and grouped-aggregate types. The same code serves every entity;
/// nothing here names one.
/// </summary>
public sealed class EntityGraphTypes(EntityModel model, EntityDescriptor type, IInterfaceGraphType node)
{
    public IEnumerable<IGraphType> Create()
    {
        yield return EntityObjectType.Create(model, type, node);
        yield return EntityInputTypes.Filter(model, type);
        yield return EntityInputTypes.ListFilter(type);
        yield return EntityInputTypes.Sort(model, type);
        yield return ConnectionTypes.Connection(type);
        yield return ConnectionTypes.Edge(type);
        foreach (var t in AggregateTypes.Create(model, type)) yield return t;
    }
}
