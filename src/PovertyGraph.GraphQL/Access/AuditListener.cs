using System.Security.Cryptography;
using System.Text;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;
using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Machinery;

namespace PovertyGraph.GraphQL.Access;

/// <summary>
/// After a request has executed, writes one audit entry if its response carried any full name, ID number
/// or phone of a household or person: who asked, when, which operation (name and hash) and which households.
/// Written to the primary database (a read replica refuses writes). A response whose entry could not be written is
/// withheld (<see cref="Execution.RequestRuntime"/>).
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
        var runtime = context.UserContext.TryGetValue(Execution.RequestRuntime.Key, out var value) ? value as QueryRuntime : null;
        if (runtime == null || !runtime.HasDisclosures) return;
        var households = runtime.Disclosures.Keys.Order().ToList();
        var fields = runtime.Disclosures.Values.SelectMany(f => f.Keys).Distinct().Order(StringComparer.Ordinal);
        var query = context.Document.Source.ToString();
        await using var db = primary.CreateDbContext();
        db.AuditEntries.Add(new AuditEntry
        {
            At = DateTimeOffset.UtcNow,
            Subject = runtime.Viewer.Subject ?? "(none)",
            Role = runtime.Viewer.Role.ToString().ToUpperInvariant(),
            Organization = runtime.Viewer.Organization,
            OperationName = context.Operation.Name?.StringValue,
            QueryHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query))),
            HouseholdIds = string.Join(",", households.Select(id => GlobalId.Encode("Household", id))),
            HouseholdCount = households.Count,
            Fields = string.Join(",", fields),
        });
        // Audit entries are written with change tracking on, the one place the API writes.
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await db.SaveChangesAsync(CancellationToken.None);
        context.UserContext[WrittenKey] = true;
    }
}
