using System.Security.Cryptography;
using System.Text;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// After a request has executed, writes one audit entry if its response carried any identifier in full (a field
/// declared <c>.Identifier(…)</c>): who asked, when, which operation (name and hash), which records and fields.
/// </summary>
public sealed class AuditListener : DocumentExecutionListenerBase
{
    public override async Task AfterExecutionAsync(IExecutionContext context)
    {
        var runtime = context.UserContext.TryGetValue(RequestRuntime.Key, out var value) ? value as QueryRuntime : null;
        if (runtime == null || !runtime.HasDisclosures) return;
        var records = runtime.Disclosures.Keys.Order().ToList();
        var fields = runtime.Disclosures.Values.SelectMany(f => f.Keys).Distinct().Order(StringComparer.Ordinal);
        var query = context.Document.Source.ToString();
        await using var db = runtime.CreateDbContext();
        db.AuditEntries.Add(new AuditEntry
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
        });
        // Audit entries are written with change tracking on, the one place the API writes.
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
