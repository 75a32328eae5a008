using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PovertyGraph.Data;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.Server.Caching;

namespace PovertyGraph.Server.Receipts;

/// <summary>
/// Makes receipts. The permanent URL of a GraphQL answer carries the document's text (<c>/graphql?query=…&amp;variables=…</c>),
/// not a persisted document's ID: automatically persisted documents are per process and forgotten on restart, and a
/// repository document can change with a deploy, while a URL with the text reproduces the answer on any server of the
/// same data version. A download's URL is its own address. The base address is <c>Publishing:BaseUrl</c>, or the
/// request's own scheme, host and path base.
/// </summary>
public sealed class Receipts(DataVersion version, StatisticsOptions statistics, PublishingOptions options)
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The receipt of a GraphQL answer to <paramref name="query"/> with <paramref name="variables"/> (JSON text, or null).</summary>
    public async Task<Receipt> ForGraphQLAsync(HttpContext context, Viewer viewer, string query, string? variables, string? operationName)
    {
        var url = new StringBuilder(Base(context)).Append("/graphql?query=").Append(Uri.EscapeDataString(query));
        if (!string.IsNullOrEmpty(variables) && variables != "null") url.Append("&variables=").Append(Uri.EscapeDataString(variables));
        if (!string.IsNullOrEmpty(operationName)) url.Append("&operationName=").Append(Uri.EscapeDataString(operationName));
        return await CreateAsync(context, viewer, query, variables, url.ToString());
    }

    /// <summary>The receipt of a download: its document, its variables, and its own URL.</summary>
    public Task<Receipt> ForDownloadAsync(HttpContext context, Viewer viewer, string document, string? variables) =>
        CreateAsync(context, viewer, document, variables, Base(context) + context.Request.Path + context.Request.QueryString);

    private async Task<Receipt> CreateAsync(HttpContext context, Viewer viewer, string document, string? variables, string url)
    {
        var (data, builtAt) = DatasetInfoQueries.ParseStamp(await version.CurrentAsync(context.RequestAborted));
        return new Receipt(data, builtAt, Hash(document), Hash(string.IsNullOrEmpty(variables) || variables == "null" ? "{}" : variables),
            ProtectionParameters.For(viewer, statistics), url);
    }

    /// <summary>The address receipts and catalogue links start with.</summary>
    public string Base(HttpContext context) =>
        options.BaseUrl?.TrimEnd('/') ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    public static string Hash(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The receipt as one line of ASCII JSON, for a header.</summary>
    public static string Header(Receipt receipt) => JsonSerializer.Serialize(receipt, Json);
}
