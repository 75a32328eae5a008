using System.Text.RegularExpressions;

namespace PovertyGraph.Tests.Engine;

/// <summary>
/// The engine's folders depend one way, by stage: Model ← Access ← Planning ← Execution ← Schema (declarations in
/// Types/ use the Model only), and the generic stages name no concrete entity. Checked on the sources: every
/// namespace a file imports or qualifies a name with.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly string[] Stages = ["Model", "Access", "Planning", "Execution", "Schema"];
    private static readonly string Root = Path.Combine(Data.DataTestSupport.RepositoryRoot, "src", "PovertyGraph.GraphQL");

    private static IEnumerable<(string Folder, string File, string Text)> Sources() =>
        Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => (Path.GetRelativePath(Root, f).Split(Path.DirectorySeparatorChar)[0], Path.GetRelativePath(Root, f), File.ReadAllText(f)));

    /// <summary>The stages a file refers to: its usings, and names qualified with a stage (Execution.RequestRuntime).</summary>
    private static IEnumerable<string> Referenced(string text) =>
        Regex.Matches(text, @"PovertyGraph\.GraphQL\.(\w+)").Select(m => m.Groups[1].Value)
            .Concat(Regex.Matches(text, @"(?<![\w.])(Model|Access|Planning|Execution|Schema)\.[A-Z]\w*").Select(m => m.Groups[1].Value))
            .Where(Stages.Contains).Distinct();

    [Fact]
    public void Each_stage_depends_only_on_the_stages_before_it()
    {
        var violations = new List<string>();
        foreach (var (folder, file, text) in Sources())
        {
            var rank = folder == "Types" ? 0 : Array.IndexOf(Stages, folder);
            if (rank < 0) continue; // the composition root (service registration) wires every stage
            foreach (var stage in Referenced(text).Where(s => Array.IndexOf(Stages, s) > rank))
                violations.Add($"{file} ({folder}) refers to {stage}");
        }
        Assert.Empty(violations);
    }

    [Fact]
    public void The_generic_stages_name_no_entity()
    {
        var entities = typeof(PovertyGraph.Domain.Household).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, Namespace: "PovertyGraph.Domain" } && t.GetProperty("Id") != null).Select(t => t.Name).ToList();
        Assert.Contains("Household", entities);
        var violations = new List<string>();
        // Schema's own root types (dataset, me) describe this dataset and its callers; the generated types are generic.
        foreach (var (folder, file, text) in Sources().Where(s => s.Folder is "Access" or "Planning" or "Execution"
                                                                  || s.File.StartsWith(Path.Combine("Schema", "Entities"), StringComparison.Ordinal)))
        {
            foreach (var entity in entities)
            {
                if (Regex.IsMatch(text, $"\"{entity}\"|typeof\\((Domain\\.)?{entity}\\)|<{entity}>"))
                    violations.Add($"{file} names {entity}");
            }
        }
        Assert.Empty(violations);
    }

    [Fact]
    public void Every_file_holds_one_public_type_and_long_files_say_why()
    {
        var violations = new List<string>();
        foreach (var (_, file, text) in Sources())
        {
            var types = Regex.Matches(text, @"^(public|internal) (sealed |static |abstract |readonly |partial )*(class|record|struct|interface|enum|delegate) ", RegexOptions.Multiline).Count;
            if (types > 1) violations.Add($"{file} declares {types} top-level types");
            var lines = text.Split('\n').Length;
            if (lines > 250 && !text.Contains("Longer than", StringComparison.Ordinal)) violations.Add($"{file} has {lines} lines and no reason for it");
        }
        Assert.Empty(violations);
    }
}
