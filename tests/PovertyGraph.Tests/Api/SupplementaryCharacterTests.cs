namespace PovertyGraph.Tests.Api;

/// <summary>
/// Text operators on names with characters outside the Basic Multilingual Plane (CJK Extension B and later, found in
/// real place and person names): C# counts such a character as two UTF-16 units, both databases as one character,
/// and startsWith/endsWith must agree with C#'s ordinal tests all the same. The server has a database of its own,
/// where two villages with such names are added after the build.
/// </summary>
public sealed class SupplementaryCharacterTests(SupplementaryCharacterTests.Factory factory) : IClassFixture<SupplementaryCharacterTests.Factory>
{
    private const string Ji = "𠮷"; // U+20BB7

    public sealed class Factory : PovertyGraphFactory
    {
        private bool _added;

        /// <summary>Builds the database, then copies its first village twice under new names.</summary>
        public async Task EnsureVillagesAsync()
        {
            if (_added) return;
            await QueryAsync("{ villages(first: 1) { totalCount } }");
            using var connection = Database.Open(writable: true);
            var columns = new List<string>();
            using (var probe = connection.CreateCommand())
            {
                probe.CommandText = "SELECT * FROM \"Villages\" WHERE 1 = 0";
                using var reader = probe.ExecuteReader();
                for (var i = 0; i < reader.FieldCount; i++) columns.Add(reader.GetName(i));
            }
            var copied = columns.Where(c => c is not ("Id" or "Name")).Select(c => $"\"{c}\"").ToList();
            foreach (var (id, name) in new[] { (900_001, Ji + "村"), (900_002, "上" + Ji + "村") })
            {
                connection.Rows($"""
                    INSERT INTO "Villages" ("Id", "Name", {string.Join(", ", copied)})
                    SELECT @id, @name, {string.Join(", ", copied)} FROM "Villages" WHERE "Id" = (SELECT MIN("Id") FROM "Villages")
                    """, ("@id", id), ("@name", name));
            }

            _added = true;
        }
    }

    [Theory]
    [InlineData("startsWith", Ji)]
    [InlineData("startsWith", "上" + Ji)]
    [InlineData("endsWith", Ji + "村")]
    [InlineData("endsWith", Ji)]
    [InlineData("contains", Ji)]
    [InlineData("nstartsWith", Ji)]
    [InlineData("nendsWith", Ji + "村")]
    public async Task Text_operators_count_a_supplementary_character_as_one(string op, string operand)
    {
        await factory.EnsureVillagesAsync();
        List<string> names;
        using (var connection = factory.Database.Open())
            names = connection.Rows("SELECT \"Name\" FROM \"Villages\"").Select(r => (string)r[0]!).ToList();
        Assert.Equal(2, names.Count(n => n.Contains(Ji, StringComparison.Ordinal)));
        var expected = names.Count(n => op switch
        {
            "startsWith" => n.StartsWith(operand, StringComparison.Ordinal),
            "nstartsWith" => !n.StartsWith(operand, StringComparison.Ordinal),
            "endsWith" => n.EndsWith(operand, StringComparison.Ordinal),
            "nendsWith" => !n.EndsWith(operand, StringComparison.Ordinal),
            _ => n.Contains(operand, StringComparison.Ordinal),
        });
        var data = await factory.QueryAsync("query($v: String!) { villages(where: {name: {" + op + ": $v}}) { totalCount } }", new { v = operand });
        Assert.Equal(expected, data["villages"]!["totalCount"]!.GetValue<int>());
    }
}
