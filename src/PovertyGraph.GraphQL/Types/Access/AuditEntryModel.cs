using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class AuditEntryModel
{
    public static void Declare(EntityModel model) => model.Entity<AuditEntry>("AuditEntry",
            "One response that disclosed full personal identifiers (names, ID numbers, phones). Readable by ADMIN only.", "auditEntries")
        .AdministratorsOnly()
        .Key(x => x.Id)
        .Field("at", x => x.At, "When the response was sent.")
        .Field("subject", x => x.Subject, "The caller's token subject.")
        .Field("role", x => x.Role, "The caller's role.")
        .Field("organization", x => x.Organization, "The caller's organisation (NGO tokens).")
        .Field("operationName", x => x.OperationName, "The GraphQL operation name, if any.")
        .Field("queryHash", x => x.QueryHash, "SHA-256 of the query text (hex).")
        .Field("householdIds", x => x.HouseholdIds, "Global IDs of the households whose identifiers were disclosed, comma-separated.", filter: false, sort: false)
        .Field("householdCount", x => x.HouseholdCount, "Number of households disclosed.", aggregate: true).In(Unit.Households)
        .Field("fields", x => x.Fields, "Identifier fields disclosed, comma-separated (e.g. Household.headName,Person.idNumber).")
        .GroupByField("HOUSEHOLD_COUNT", "householdCount", "By number of households disclosed.");
}
