using Microsoft.EntityFrameworkCore;
using PovertyGraph.Domain;

namespace PovertyGraph.Data;

/// <summary>
/// Appends audit entries with one parameterised INSERT: the request that disclosed names waits for it, so it skips
/// change tracking and the read-back of the generated key that SaveChanges does. The columns and the stored form of
/// <see cref="AuditEntry.At"/> (Unix milliseconds) are those of <c>AuditEntryConfiguration</c>.
/// </summary>
public static class AuditLog
{
    public static Task AppendAsync(PovertyGraphDbContext db, AuditEntry entry, CancellationToken ct)
    {
        var at = entry.At.ToUnixTimeMilliseconds();
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AuditEntries" ("At", "Subject", "Role", "Organization", "OperationName", "QueryHash", "HouseholdIds", "HouseholdCount", "Fields")
            VALUES ({at}, {entry.Subject}, {entry.Role}, {entry.Organization}, {entry.OperationName}, {entry.QueryHash}, {entry.HouseholdIds}, {entry.HouseholdCount}, {entry.Fields})
            """, ct);
    }
}
