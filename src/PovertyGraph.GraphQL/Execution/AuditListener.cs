using System.Security.Cryptography;
using System.Text;
using GraphQL.Execution;
using PovertyGraph.Data;
using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// After a request has executed, writes one audit entry if its response carried any identifier in full (a field
/// declared <c>.Identifier(…)</c>): who asked, when, which operation (name and hash), which records and fields. The
/// entry is committed before the response is sent (execution waits for it), so no answer with names leaves the server
/// unrecorded. One INSERT (<see cref="AuditLog"/>), without change tracking, on the primary database (a read replica
/// refuses writes). A response whose entry could not be written is withheld (<see cref="RequestRuntime"/>).
/// </summary>
public sealed class AuditListener(PrimaryDbContextFactory primary) : DocumentExecutionListenerBase
{
    /// <summary>Set in the user context once the request's audit entry is written.</summary>
    public const string WrittenKey = "PovertyGraph.AuditWritten";

    /// <summary>Whether the request whose user context this is disclosed nothing, or has its audit entry written.</summary>
    public static bool Audited(QueryRuntime runtime, IDictionary<string, object?> userContext) =>
        !runtime.HasDisclosures || userContext.ContainsKey(WrittenKey);

    public override async Task AfterExecutionAsync(IExecutionContext context)
    {
        var runtime = context.UserContext.TryGetValue(RequestRuntime.Key, out var value) ? value as QueryRuntime : null;
        if (runtime == null || !runtime.HasDisclosures) return;
        var (records, fields) = runtime.Disclosures();
        var query = context.Document.Source.ToString();
        await using var db = primary.CreateDbContext();
        await AuditLog.AppendAsync(db, new AuditEntry
        {
            At = DateTimeOffset.UtcNow,
            Subject = runtime.Viewer.Subject ?? "(none)",
            Role = runtime.Viewer.Role.ToString().ToUpperInvariant(),
            Organization = runtime.Viewer.Organization,
            OperationName = context.Operation.Name?.StringValue,
            QueryHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query))),
            HouseholdIds = string.Join(",", records.Select(r => GlobalId.Encode(r.Type, r.Id))),
            HouseholdCount = records.Count,
            Fields = string.Join(",", fields),
        }, CancellationToken.None);
        context.UserContext[WrittenKey] = true;
    }
}
