using GraphQL.Types;
using PovertyGraph.Data;
using PovertyGraph.GraphQL;
using PovertyGraph.GraphQL.Schema;
using PovertyGraph.Server.Hosting;

namespace PovertyGraph.Server.Commands;

/// <summary><c>schema [--out FILE]</c>: prints the SDL of the schema, or writes it (default target: schema/schema.graphql).</summary>
public static class SchemaCommand
{
    public static int Run(string[] args, IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPovertyGraphData(configuration.GetDatabaseOptions());
        services.AddPovertyGraphGraphQL(configuration.GetPagingOptions(), configuration.GetStatisticsOptions());
        using var provider = services.BuildServiceProvider();
        var sdl = SchemaSdl.Print(provider.GetRequiredService<ISchema>());
        var outIndex = Array.IndexOf(args, "--out");
        if (outIndex < 0)
        {
            Console.Write(sdl);
            return 0;
        }
        var path = outIndex + 1 < args.Length ? args[outIndex + 1] : RepositoryPaths.Resolve("schema/schema.graphql");
        File.WriteAllText(path, sdl);
        Console.WriteLine($"wrote {path}");
        return 0;
    }
}
