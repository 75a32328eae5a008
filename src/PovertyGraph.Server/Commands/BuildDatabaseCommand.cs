using PovertyGraph.Data;
using PovertyGraph.Server.Hosting;

namespace PovertyGraph.Server.Commands;

/// <summary><c>build-db</c>: migrates and builds the configured database without serving (what the server does on first start).</summary>
public static class BuildDatabaseCommand
{
    public static int Run(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddPovertyGraphData(configuration.GetDatabaseOptions()).BuildServiceProvider();
        var built = services.GetRequiredService<DatabaseBootstrapper>().EnsureReady(Console.WriteLine);
        Console.WriteLine(built ? "database built" : "database already built");
        return 0;
    }
}
