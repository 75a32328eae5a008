using System.Diagnostics;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.Server.Commands;

namespace PovertyGraph.Tests.Auth;

/// <summary>The <c>token</c> command, run as a process as the README and the acceptance checks run it.</summary>
[Collection(ApiCollection.Name)]
public class TokenCommandTests
{
    private readonly PovertyGraphFactory _factory;

    public TokenCommandTests(PovertyGraphFactory factory) => _factory = factory;

    [Fact]
    public async Task Command_token_is_accepted_as_official()
    {
        var (exit, stdout, stderr) = await RunAsync("token", "--role", "official", "--sub", "checks");
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        var token = LastToken(stdout);
        Assert.NotNull(token);
        Assert.Equal(token, stdout.TrimEnd().Split('\n')[^1].Trim()); // on a line of its own, printed last

        var me = (await _factory.QueryAsync("{ me { role subject organization } }", token: token))["me"]!;
        Assert.Equal("OFFICIAL", (string?)me["role"]);
        Assert.Equal("checks", (string?)me["subject"]);
        Assert.Null((string?)me["organization"]);
    }

    [Fact]
    public async Task Command_ngo_token_with_ttl_is_accepted()
    {
        var (exit, stdout, stderr) = await RunAsync("token", "--role", "ngo", "--org", "ngo-jiaohe-health", "--ttl", "30m");
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        var me = (await _factory.QueryAsync("{ me { role subject organization partnerVillageIds } }", token: LastToken(stdout)))["me"]!;
        Assert.Equal("NGO", (string?)me["role"]);
        Assert.Equal("dev", (string?)me["subject"]);
        Assert.Equal("ngo-jiaohe-health", (string?)me["organization"]);
        Assert.Equal(5, me["partnerVillageIds"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("token", "--role", "superuser")]
    [InlineData("token", "--role", "public")]
    [InlineData("token", "--role", "ngo")]
    [InlineData("token", "--role", "official", "--org", "ngo-jiaohe-health")]
    [InlineData("token", "--role", "official", "--ttl", "8x")]
    [InlineData("token", "--role", "official", "--ttl", "0h")]
    [InlineData("token", "--role", "official", "--ttl", "-5m")]
    [InlineData("token", "--role", "official", "--sub")]
    [InlineData("token", "--role", "official", "--colour", "blue")]
    [InlineData("token", "--role", "official", "extra")]
    public async Task Bad_arguments_exit_2_with_usage_and_no_token(params string[] args)
    {
        var (exit, stdout, stderr) = await RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains("usage: token --role", stderr);
        Assert.Null(LastToken(stdout));
    }

    [Theory]
    [InlineData("8h", 8 * 3600)]
    [InlineData("30m", 30 * 60)]
    [InlineData("3600s", 3600)]
    [InlineData("2d", 2 * 86400)]
    public void Ttl_units(string text, int seconds)
    {
        Assert.True(TokenCommand.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Fact]
    public void Defaults_are_dev_and_8_hours()
    {
        Assert.True(TokenCommand.TryParse(["--role", "researcher"], out var request, out _));
        Assert.Equal(new TokenCommand.TokenRequest(Role.Researcher, "dev", null, TimeSpan.FromHours(8)), request);
        Assert.True(TokenCommand.TryParse(["--role=admin", "--sub=ops", "--Auth:Issuer=ignored"], out request, out _));
        Assert.Equal(new TokenCommand.TokenRequest(Role.Admin, "ops", null, TimeSpan.FromHours(8)), request);
    }

    /// <summary>As the acceptance checks read it: the last whitespace-separated word with two dots and more than 40 characters.</summary>
    private static string? LastToken(string stdout) =>
        stdout.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).LastOrDefault(t => t.Count(c => c == '.') == 2 && t.Length > 40);

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PovertyGraph.Server.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
