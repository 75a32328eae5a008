using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class PersonModel
{
    public static void Declare(EntityModel model) => model.Entity<Person>("Person",
            "A member of a registered poor household. Synthetic; personal fields are masked by role.")
        .HoldsPersonalData().ProtectedStatistics().ScopedByVillage(x => x.Household!.VillageId).AuditedAs("Household", "householdId")
        .Key(x => x.Id)
        .Field("name", x => x.Name, "Full name. Masked (surname + *) or hidden by role.", filter: false, sort: false).Identifier(Mask.Surname)
        .Field("idNumber", x => x.IdNumber, "18-digit identity number in the GB 11643 format, fake (sequence code 9xx). Masked or hidden by role.", filter: false, sort: false)
            .Identifier(Mask.IdentityNumberEnds)
        .Field("gender", x => x.Gender, "Sex.").NotPersonal()
        .Field("birthDate", x => x.BirthDate, "Date of birth; only the year for most roles.", filter: false, sort: false, kind: ScalarKind.PartialDate)
            .QuasiIdentifier(Mask.YearOnly)
        .Field("relationship", x => x.Relationship, "Relationship to the household head.").NotPersonal()
        .HasOne("household", x => x.Household, x => x.HouseholdId, "The household.")
        // A fixed pseudo-random record key per person (multiplicative hash of its ID) for the cell-key method.
        .WithCellKey(x => (int)(x.Id * 2654435761L % 16777216))
        .WithProvenance();
}
