namespace PovertyGraph.Tests.Browser;

/// <summary>
/// The browser tests share one server process and one Chromium, and run one after another: each drives a real
/// browser, and two at once on a 2-core machine only make both slower.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
