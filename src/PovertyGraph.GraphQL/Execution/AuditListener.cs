using System.Security.Cryptography;
using System.Text;
using GraphQL.Execution;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// After a request has executed, writes one audit entry if its response carried any identifier in full (a field
/// declared <c>.Identifier(…)</c>): who asked, when, which operation (name and hash), which records and fields. The
/// entry is committed before the response is sent (execution waits for it), so no answer with names leaves the server
/// unrecorded. One INSERT through EF's raw SQL (parameters typed by the model), without change tracking.
/// </summary>
public sealed class AuditListener : DocumentExecutionListenerBase
{
    public override async Task AfterExecutionAsync(IExecutionContext context)
    {
        var runtime = context.UserContext.TryGetValue(RequestRuntime.Key, out var value) ? value as QueryRuntime : null;
        if (runtime == null || !runtime.HasDisclosures) return;
        var (records, fields) = runtime.Disclosures();
        var query = context.Document.Source.ToString();
        var viewer = runtime.Viewer;
        long at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(); // the column's stored form (AuditEntryConfiguration)
        var subject = viewer.Subject ?? "(none)";
        var role = viewer.Role.ToString().ToUpperInvariant();
        var operation = context.Operation.Name?.StringValue;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        var ids = string.Join(",", records.Select(r => GlobalId.Encode(r.Type, r.Id)));
        var disclosed = string.Join(",", fields);
        await using var db = runtime.CreateDbContext();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AuditEntries" ("At", "Subject", "Role", "Organization", "OperationName", "QueryHash", "HouseholdIds", "HouseholdCount", "Fields")
            VALUES ({at}, {subject}, {role}, {viewer.Organization}, {operation}, {hash}, {ids}, {records.Count}, {disclosed})
            """, CancellationToken.None);
    }
}
