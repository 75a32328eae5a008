using PovertyGraph.Server.Commands;
using PovertyGraph.Server.Hosting;

// Commands other than serving: import, token, schema (see README).
if (args.Length > 0 && CommandLine.IsCommand(args[0]))
    return CommandLine.Run(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddPovertyGraphData();

var app = builder.Build();
app.UsePovertyGraphDatabase();
app.MapGet("/healthz", () => "ok");
app.Run();
return 0;

public partial class Program;
