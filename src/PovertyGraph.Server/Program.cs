using PovertyGraph.Server.Auth;
using PovertyGraph.Server.Commands;
using PovertyGraph.Server.Hosting;
using PovertyGraph.Server.Http;

// Commands other than serving: import, token, schema, build-db (see README).
if (args.Length > 0 && CommandLine.IsCommand(args[0]))
    return CommandLine.Run(args);

var builder = WebApplication.CreateBuilder(AppFolder.BuilderOptions(args));
builder.AddPovertyGraphData();
builder.AddPovertyGraphAuth();
builder.AddPovertyGraphApi();
builder.AddPovertyGraphLimits();
builder.AddPovertyGraphRateLimiting();
builder.AddPovertyGraphHttp();
builder.AddPovertyGraphDownloads();
builder.AddPovertyGraphTelemetry();
builder.AddPovertyGraphHealthChecks();
builder.AddPovertyGraphCors();
builder.AddPovertyGraphShutdown();

var app = builder.Build();
app.UsePovertyGraphDatabase();
app.UsePovertyGraphTelemetry();
app.UsePovertyGraphCors();
app.UsePovertyGraphAuth();
app.UsePovertyGraphRateLimiting();
app.MapPovertyGraphHealthChecks();
app.MapPovertyGraphSchema("/graphql");
app.MapPovertyGraphHttp("/graphql");
app.MapPovertyGraphExplorer("/explore");
app.MapPovertyGraphDownloads();
app.Run();
return 0;

public partial class Program;
