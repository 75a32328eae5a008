using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PovertyGraph.Tests.Data;

/// <summary>
/// The format of the synthetic personal data, checked on every row: GB 11643-1999 identity numbers (check digit
/// computed here, not by the product's IdentityNumbers), heads of household, member counts, phones.
/// </summary>
public abstract class PersonalDataTests
{
    protected abstract string DatabasePath { get; }

    private SqliteConnection Open() => DataTestSupport.Open(DatabasePath);

    /// <summary>GB 11643-1999 / ISO 7064 MOD 11-2, written independently of the product.</summary>
    public static char GbCheckCharacter(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * weights[i];
        return "10X98765432"[sum % 11];
    }

    [Fact]
    public void Every_identity_number_is_valid_fake_unique_and_matches_the_person()
    {
        using var db = Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = """
            SELECT p.Id, p.IdNumber, p.BirthDate, p.Gender, c.Code
            FROM Persons p JOIN Households h ON h.Id = p.HouseholdId JOIN Counties c ON c.Id = h.CountyId
            """;
        using var reader = cmd.ExecuteReader();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        var failureCount = 0;
        var rows = 0;
        void Fail(long id, string id18, string why)
        {
            if (failureCount++ < 20) failures.Add($"person {id} {id18}: {why}");
        }
        while (reader.Read())
        {
            rows++;
            var id = reader.GetInt64(0);
            var number = reader.GetString(1);
            var birth = reader.GetString(2);
            var gender = reader.GetInt64(3);
            var countyCode = reader.IsDBNull(4) ? null : reader.GetString(4);
            if (number.Length != 18 || !number[..17].All(char.IsAsciiDigit)) { Fail(id, number, "not 17 digits and a check character"); continue; }
            if (GbCheckCharacter(number) != number[17]) Fail(id, number, $"check character should be {GbCheckCharacter(number)}");
            if (number.Substring(6, 8) != birth.Replace("-", "")) Fail(id, number, $"birth date {birth} not at offset 6");
            if (!DateOnly.TryParseExact(number.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                Fail(id, number, "no valid date at offset 6");
            if (number[14] != '9') Fail(id, number, "15th digit is not the fake marker 9");
            var sexOdd = (number[16] - '0') % 2 == 1;
            if (gender is not (1 or 2)) Fail(id, number, $"gender {gender}");
            else if (sexOdd != (gender == 1)) Fail(id, number, $"sex digit {number[16]} does not match gender {gender}");
            if (countyCode is { Length: 6 } && !number.StartsWith(countyCode, StringComparison.Ordinal)) Fail(id, number, $"region is not the county's code {countyCode}");
            if (!number.StartsWith("22", StringComparison.Ordinal)) Fail(id, number, "region is not in Jilin (22xxxx)");
            if (!seen.Add(number)) Fail(id, number, "duplicate identity number");
        }
        Assert.True(rows > 0);
        Assert.True(failureCount == 0, $"{failureCount} bad identity number(s), first ones:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Birth_dates_are_plausible_iso_dates()
    {
        using var db = Open();
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Persons WHERE BirthDate NOT GLOB '[12][09][0-9][0-9]-[01][0-9]-[0-3][0-9]' OR BirthDate < '1900-01-01' OR BirthDate > '2015-12-31'"));
    }

    [Fact]
    public void Each_household_has_one_head_whose_name_and_number_it_carries()
    {
        using var db = Open();
        // Relationship.Head = 1.
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Households h WHERE (SELECT COUNT(*) FROM Persons p WHERE p.HouseholdId = h.Id AND p.Relationship = 1) <> 1"));
        Assert.Equal(0, db.Scalar("""
            SELECT COUNT(*) FROM Households h JOIN Persons p ON p.HouseholdId = h.Id AND p.Relationship = 1
            WHERE p.IdNumber <> h.HeadIdNumber OR p.Name <> h.HeadName
            """));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Households WHERE HeadName = '' OR LENGTH(HeadIdNumber) <> 18"));
    }

    [Fact]
    public void Member_count_equals_the_persons_of_the_household()
    {
        using var db = Open();
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Households h WHERE h.MemberCount <> (SELECT COUNT(*) FROM Persons p WHERE p.HouseholdId = h.Id)"));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Households WHERE MemberCount < 1"));
    }

    [Fact]
    public void Every_phone_is_an_unassigned_100_number_of_11_digits()
    {
        using var db = Open();
        Assert.True(db.Scalar("SELECT COUNT(*) FROM Households") > 0);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Households WHERE LENGTH(Phone) <> 11 OR Phone NOT GLOB '100[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"));
    }
}

[Collection(ProvinceDatabaseCollection.Name)]
public sealed class PersonalDataOnProvinceProfileTests(ProvinceDatabaseFixture fixture) : PersonalDataTests
{
    protected override string DatabasePath => fixture.DatabasePath;
}

[Collection(JiaoheDatabaseCollection.Name)]
public sealed class PersonalDataOnJiaoheProfileTests(JiaoheDatabaseFixture fixture) : PersonalDataTests
{
    protected override string DatabasePath => fixture.DatabasePath;
}
