using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Schema.Entities;

/// <summary>A group's cell with the dimensions it was grouped by.</summary>
public sealed record GroupValue(IReadOnlyList<Dimension> Dimensions, PublishedCell Cell)
{
    public object? Key(Dimension dimension, QueryRuntime runtime)
    {
        var index = Dimensions.ToList().IndexOf(dimension);
        if (index < 0 || Cell.Row.Key?[index] is not { } value) return null;
        if (dimension.Entity != null) return runtime.LoadByKey(runtime.Model.For(dimension.Entity), value);
        var field = dimension.Field!;
        var type = Nullable.GetUnderlyingType(field.ValueType) ?? field.ValueType;
        if (type.IsEnum) return Enum.ToObject(type, value);
        if (type == typeof(bool)) return value == 1;
        return value;
    }
}
