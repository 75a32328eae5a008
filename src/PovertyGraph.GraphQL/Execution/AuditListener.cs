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
/// entry is committed before the response is sent, so no answer with names leaves the server unrecorded: execution
/// waits for it, unless the writer of the response took that on (<see cref="PendingAudit"/>, the HTTP endpoint, which
/// serialises the answer while the entry commits). One INSERT (<see cref="AuditLog"/>), without change tracking, on the primary database (a read replica
/// refuses writes). A response whose entry could not be written is withheld (<see cref="RequestRuntime"/>).
/// </summary>
public sealed class AuditListener(PrimaryDbContextFactory primary) : DocumentExecutionListenerBase
{
    /// <summary>Set in the user context once the request's audit entry is written.</summary>
    public const string WrittenKey = "PovertyGraph.AuditWritten";

    /// <summary>Whether the request whose user context this is disclosed nothing, or has its audit entry written.</summary>
    public static bool Audited(QueryRuntime runtime, IDictionary<string, object?> userContext) =>
        !runtime.HasDisclosures || userContext.ContainsKey(WrittenKey) || Pending(userContext) is { Started: true };

    private static PendingAudit? Pending(IDictionary<string, object?> userContext) =>
        userContext.TryGetValue(PendingAudit.Key, out var value) ? value as PendingAudit : null;

    public override async Task AfterExecutionAsync(IExecutionContext context)
    {
        var runtime = context.UserContext.TryGetValue(RequestRuntime.Key, out var value) ? value as QueryRuntime : null;
        if (runtime == null || !runtime.HasDisclosures) return;
        var (records, fields) = runtime.Disclosures();
        var viewer = runtime.Viewer;
        var query = context.Document.Source;
        var operationName = context.Operation.Name?.StringValue;
        var at = DateTimeOffset.UtcNow;
        async Task WriteAsync()
        {
            await using var db = primary.CreateDbContext();
            await AuditLog.AppendAsync(db, new AuditEntry
            {
                At = at,
                Subject = viewer.Subject ?? "(none)",
                Role = viewer.Role.ToString().ToUpperInvariant(),
                Organization = viewer.Organization,
                OperationName = operationName,
                QueryHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query.ToString()))),
                HouseholdIds = string.Join(",", records.Select(r => GlobalId.Encode(r.Type, r.Id))),
                HouseholdCount = records.Count,
                Fields = string.Join(",", fields),
            }, CancellationToken.None);
        }
        if (Pending(context.UserContext) is { } pending)
        {
            pending.Start(WriteAsync); // the writer awaits it before the first byte
            return;
        }
        await WriteAsync();
        context.UserContext[WrittenKey] = true;
    }
}
