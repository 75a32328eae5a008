using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class PersonModel
{
    public static void Declare(EntityModel model) => model.Entity<Person>("Person",
            "A member of a registered poor household. Synthetic; personal fields are masked by role.", "persons")
        .HoldsPersonalData().ProtectedStatistics().ScopedByVillage(x => x.Household!.VillageId).AuditedAs("Household", "householdId")
        .Key(x => x.Id)
        .Field("name", x => x.Name, "Full name. Masked (surname + *) or hidden by role.", filter: false, sort: false).Identifier(Mask.Surname)
        .Field("idNumber", x => x.IdNumber, "18-digit identity number in the GB 11643 format, fake (sequence code 9xx). Masked or hidden by role.", filter: false, sort: false)
            .Identifier(Mask.IdentityNumberEnds)
        .Field("gender", x => x.Gender, "Sex.").NotPersonal()
        .Field("birthDate", x => x.BirthDate, "Date of birth; only the year for most roles.", filter: false, sort: false, kind: ScalarKind.PartialDate)
            .QuasiIdentifier(Mask.YearOnly)
        .Field("birthYear", x => x.BirthDate.Year, "Year of birth: the year of `birthDate`, which every role sees, so it can be filtered, sorted and grouped by.").In(Unit.Year)
            .MaskedFormOf("birthDate")
        .Field("relationship", x => x.Relationship, "Relationship to the household head.").NotPersonal()
        .HasOne("household", x => x.Household, x => x.HouseholdId, "The household.")
        .GroupByField("GENDER", "gender", "By sex.")
        .GroupByField("RELATIONSHIP", "relationship", "By relationship to the household head.")
        .GroupByField("BIRTH_YEAR", "birthYear", "By year of birth.")
        .GroupByValue("PLANNED_EXIT_YEAR", "plannedExitYear", x => x.Household!.PlannedExitYear, "By the household's planned exit year.")
        .GroupByValue("HOUSEHOLD_TYPE", "householdType", x => x.Household!.Type, "By the household's type.")
        // A fixed pseudo-random record key per person (multiplicative hash of its ID) for the cell-key method.
        .WithCellKey(x => (int)(x.Id * 2654435761L % 16777216))
        .WithGeographyOf(x => x.Household)
        .WithProvenance();
}
