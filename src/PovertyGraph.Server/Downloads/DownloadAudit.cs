using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;
using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.GraphQL.Execution;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.Server.Downloads;

/// <summary>
/// The audit log of a download that shows identifiers in full (an official's list of names): the records each batch
/// discloses are written as one audit entry before the batch leaves the server, as a GraphQL answer's are before it is
/// sent. One entry per batch keeps memory bounded however many rows the download has.
/// </summary>
public sealed class DownloadAudit(IDbContextFactory<PovertyGraphDbContext> factory, Viewer viewer, string operation, string documentHash, IReadOnlyList<RowColumn> columns)
{
    private readonly RowColumn[] _audited = columns.Where(c => c.Field != null && AccessRules.IsAudited(c.Field)).ToArray();
    private readonly HashSet<(string Type, int Id)> _records = [];
    private readonly HashSet<string> _fields = new(StringComparer.Ordinal);

    public bool Needed => _audited.Length > 0;

    public void Note(EntityRow row)
    {
        foreach (var column in _audited)
        {
            if (!column.DisclosesIdentifier(row, out var source)) continue;
            var (type, field) = source!.Type.AuditSubject!.Value;
            _records.Add((type, Convert.ToInt32(source.Get(field), System.Globalization.CultureInfo.InvariantCulture)));
            _fields.Add($"{column.Owner.Name}.{column.Field!.Name}");
        }
    }

    /// <summary>Writes the batch's entry, if it disclosed anything.</summary>
    public async Task WriteAsync(CancellationToken ct)
    {
        if (_records.Count == 0) return;
        var records = _records.Order().ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = DateTimeOffset.UtcNow,
            Subject = viewer.Subject ?? "(none)",
            Role = viewer.Role.ToString().ToUpperInvariant(),
            Organization = viewer.Organization,
            OperationName = operation,
            QueryHash = documentHash["sha256:".Length..],
            HouseholdIds = string.Join(",", records.Select(r => GlobalId.Encode(r.Type, r.Id))),
            HouseholdCount = records.Count,
            Fields = string.Join(",", _fields.Order(StringComparer.Ordinal)),
        });
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await db.SaveChangesAsync(ct);
        _records.Clear();
        _fields.Clear();
    }
}
