using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace PovertyGraph.Tests.Operations;

/// <summary>The console log's format as configured: JSON lines with scopes, Chinese text left readable.</summary>
[Collection(ApiCollection.Name)]
public sealed class LogFormatTests(PovertyGraphFactory factory)
{
    [Fact]
    public void Console_logs_are_json_lines_with_scopes_and_readable_chinese()
    {
        var console = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        var json = factory.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(json.IncludeScopes);
        Assert.False(json.JsonWriterOptions.Indented);
        Assert.Equal("蛟河市", json.JsonWriterOptions.Encoder!.Encode("蛟河市"));
        Assert.NotEqual("<b>", json.JsonWriterOptions.Encoder.Encode("<b>"));
    }
}
