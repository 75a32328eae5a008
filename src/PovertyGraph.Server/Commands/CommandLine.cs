namespace PovertyGraph.Server.Commands;

public static class CommandLine
{
    private static readonly string[] Commands = ["import", "token", "schema", "build-db"];

    public static bool IsCommand(string arg) => Commands.Contains(arg);

    public static int Run(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Where(a => a.StartsWith("--") && a.Contains('=')).ToArray())
            .Build();
        return args[0] switch
        {
            "import" => ImportCommand.Run(args, configuration),
            "build-db" => BuildDatabaseCommand.Run(configuration),
            "schema" => SchemaCommand.Run(args, configuration),
            "token" => TokenCommand.Run(args, configuration),
            _ => throw new InvalidOperationException("unknown command " + args[0]),
        };
    }
}
