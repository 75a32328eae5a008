using System.Net;
using static PovertyGraph.Tests.Publishing.DownloadClient;

namespace PovertyGraph.Tests.Publishing;

/// <summary>
/// HTTP caching of downloads: a file without personal data, for a caller without a token, is public with a strong ETag
/// that depends on the URL as sent; <c>If-None-Match</c> with it answers 304 before anything runs. Files with personal
/// data, and every file for a token holder, are no-store and carry no tag.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DownloadCachingTests(PovertyGraphFactory factory)
{
    private const string Villages = "/data/villages.csv?columns=id,name,county.name&order=%5B%7B%22name%22%3A%22ASC%22%7D%5D";
    private const string Grouped = "/data/households/grouped.csv?groupBy=COUNTY";

    [Theory]
    [InlineData(Villages)]
    [InlineData(Grouped)]
    public async Task A_public_file_is_tagged_and_its_tag_answers_304_with_nothing_run(string url)
    {
        var first = await GetAsync(factory, url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.False(tag!.IsWeak);
        Assert.True(first.Headers.CacheControl!.Public);
        Assert.Contains("Authorization", first.Headers.Vary);

        var again = await GetAsync(factory, url, header: ("If-None-Match", tag.Tag));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(tag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.False(again.Headers.Contains("X-Receipt"), "a 304 is answered before the download is prepared");

        var stale = await GetAsync(factory, url, header: ("If-None-Match", "\"not-this-one\""));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(tag, stale.Headers.ETag);
    }

    [Fact]
    public async Task Another_query_string_is_another_tag()
    {
        var byName = (await GetAsync(factory, Villages)).Headers.ETag;
        var otherColumns = (await GetAsync(factory, "/data/villages.csv?columns=id,name")).Headers.ETag;
        var otherFormat = (await GetAsync(factory, Villages.Replace(".csv", ".jsonl"))).Headers.ETag;
        Assert.NotNull(byName);
        Assert.NotEqual(byName, otherColumns);
        Assert.NotEqual(byName, otherFormat);
        Assert.NotNull(otherColumns);
        Assert.NotNull(otherFormat);
    }

    [Fact]
    public async Task Personal_data_and_token_holders_are_never_stored_nor_answered_304()
    {
        var publicTag = (await GetAsync(factory, Villages)).Headers.ETag!.Tag;

        var persons = await GetAsync(factory, "/data/households.csv?columns=id,memberCount");
        Assert.Equal(HttpStatusCode.OK, persons.StatusCode);
        Assert.True(persons.Headers.CacheControl!.NoStore);
        Assert.Null(persons.Headers.ETag);

        var official = await GetAsync(factory, Villages, Tokens.Official, header: ("If-None-Match", publicTag));
        Assert.Equal(HttpStatusCode.OK, official.StatusCode);
        Assert.True(official.Headers.CacheControl!.NoStore);
        Assert.Null(official.Headers.ETag);

        var grouped = await GetAsync(factory, Grouped, Tokens.Researcher, header: ("If-None-Match", "*"));
        Assert.Equal(HttpStatusCode.OK, grouped.StatusCode);
        Assert.True(grouped.Headers.CacheControl!.NoStore);
    }
}
