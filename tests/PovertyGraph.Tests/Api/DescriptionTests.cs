namespace PovertyGraph.Tests.Api;

/// <summary>Every type, field, argument, input field and enum value of the schema has a description.</summary>
[Collection(ApiCollection.Name)]
public sealed class DescriptionTests(PovertyGraphFactory factory)
{
    [Fact]
    public async Task Everything_in_the_schema_is_described()
    {
        var data = await factory.QueryAsync("""
            { __schema { types { name kind description
                fields { name description args { name description } }
                inputFields { name description }
                enumValues { name description } } } }
            """);
        var missing = new List<string>();
        var types = data["__schema"]!["types"]!.AsArray();
        Assert.Contains(types, t => t!["name"]!.ToString() == "Household"); // the schema's own types came back, not only the built-in ones
        foreach (var type in types)
        {
            var name = type!["name"]!.ToString();
            if (name.StartsWith("__") || type["kind"]!.ToString() == "SCALAR" && name is "String" or "Int" or "Float" or "Boolean" or "ID") continue;
            if (string.IsNullOrWhiteSpace(type["description"]?.ToString())) missing.Add(name);
            foreach (var field in type["fields"]?.AsArray() ?? [])
            {
                if (string.IsNullOrWhiteSpace(field!["description"]?.ToString())) missing.Add($"{name}.{field["name"]}");
                foreach (var arg in field["args"]!.AsArray())
                    if (string.IsNullOrWhiteSpace(arg!["description"]?.ToString())) missing.Add($"{name}.{field["name"]}({arg["name"]})");
            }
            foreach (var field in type["inputFields"]?.AsArray() ?? [])
                if (string.IsNullOrWhiteSpace(field!["description"]?.ToString())) missing.Add($"{name}.{field["name"]}");
            foreach (var value in type["enumValues"]?.AsArray() ?? [])
                if (string.IsNullOrWhiteSpace(value!["description"]?.ToString())) missing.Add($"{name}.{value["name"]}");
        }
        Assert.True(missing.Count == 0, "undescribed: " + string.Join(", ", missing));
    }
}
