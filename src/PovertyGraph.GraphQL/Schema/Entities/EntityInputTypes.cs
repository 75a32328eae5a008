using GraphQL.Types;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>An entity's filter, list-filter and sort input types.</summary>
public static class EntityInputTypes
{
    public static InputObjectGraphType Filter(EntityModel model, EntityDescriptor type)
    {
        var input = new InputObjectGraphType { Name = type.Name + "FilterInput", Description = $"Filter on {type.Name}: every condition given must hold." };
        input.AddField(new FieldType { Name = "and", Description = "All of these filters.", ResolvedType = new ListGraphType(TypeRefs.NonNull(input.Name)) });
        input.AddField(new FieldType { Name = "or", Description = "Any of these filters.", ResolvedType = new ListGraphType(TypeRefs.NonNull(input.Name)) });
        foreach (var f in type.PublicFields.Where(f => f.Filterable))
            input.AddField(new FieldType { Name = f.Name, Description = f.Description, ResolvedType = TypeRefs.Named(TypeRefs.FilterInputName(f)) });
        foreach (var r in type.ToOne)
            input.AddField(new FieldType { Name = r.Name, Description = r.Description, ResolvedType = TypeRefs.Named(model.For(r.Target).Name + "FilterInput") });
        foreach (var r in type.ToMany)
            input.AddField(new FieldType { Name = r.Name, Description = r.Description, ResolvedType = TypeRefs.Named(model.For(r.Target).Name + "ListFilterInput") });
        return input;
    }

    public static InputObjectGraphType ListFilter(EntityDescriptor type)
    {
        var n = type.Name;
        var input = new InputObjectGraphType { Name = n + "ListFilterInput", Description = $"Conditions on a list of {n}." };
        input.AddField(new FieldType { Name = "some", Description = "At least one element matches.", ResolvedType = TypeRefs.Named(n + "FilterInput") });
        input.AddField(new FieldType { Name = "all", Description = "Every element matches (true for an empty list).", ResolvedType = TypeRefs.Named(n + "FilterInput") });
        input.AddField(new FieldType { Name = "none", Description = "No element matches.", ResolvedType = TypeRefs.Named(n + "FilterInput") });
        input.AddField(new FieldType { Name = "any", Description = "true: the list is not empty; false: it is empty.", ResolvedType = TypeRefs.Named("Boolean") });
        return input;
    }

    public static InputObjectGraphType Sort(EntityModel model, EntityDescriptor type)
    {
        var input = new InputObjectGraphType { Name = type.Name + "SortInput", Description = $"Sort keys for {type.Name}; set one field per list element." };
        foreach (var f in type.PublicFields.Where(f => f.Sortable))
            input.AddField(new FieldType { Name = f.Name, Description = f.Description, ResolvedType = TypeRefs.Named(SharedTypes.SortEnum) });
        foreach (var r in type.ToOne)
            input.AddField(new FieldType { Name = r.Name, Description = r.Description, ResolvedType = TypeRefs.Named(model.For(r.Target).Name + "SortInput") });
        return input;
    }
}
