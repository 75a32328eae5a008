using System.Text.Json.Serialization;

namespace PovertyGraph.Server.Receipts;

/// <summary>
/// What a figure was computed from, so that it can be cited and checked: the data version, the document and variables
/// (by hash), the protection in force for the caller, and a GET URL that reproduces the answer while the data version is
/// the same. GraphQL answers carry it in <c>extensions.receipt</c>, downloads in the <c>X-Receipt</c> header.
/// </summary>
public sealed record Receipt(
    [property: JsonPropertyName("dataVersion")] string DataVersion,
    [property: JsonPropertyName("dataBuiltAt")] DateTimeOffset? DataBuiltAt,
    [property: JsonPropertyName("documentHash")] string DocumentHash,
    [property: JsonPropertyName("variablesHash")] string VariablesHash,
    [property: JsonPropertyName("protection")] ProtectionParameters Protection,
    [property: JsonPropertyName("url")] string Url);
