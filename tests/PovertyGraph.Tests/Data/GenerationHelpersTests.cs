using PovertyGraph.Data.Generation;
using PovertyGraph.Data.Import;
using PovertyGraph.Domain;

namespace PovertyGraph.Tests.Data;

public sealed class IdentityNumbersTests
{
    [Fact]
    public void The_standards_published_example_is_valid()
    {
        // GB 11643-1999's example: 11010519491231002X (Beijing 朝阳区, born 1949-12-31, sequence 002 (female), check X).
        Assert.True(IdentityNumbers.IsValid("11010519491231002X"));
        Assert.Equal('X', IdentityNumbers.CheckCharacter("11010519491231002"));
        Assert.Equal('X', PersonalDataTests.GbCheckCharacter("11010519491231002"));
        Assert.False(IdentityNumbers.IsMarkedSynthetic("11010519491231002X"));
    }

    [Theory]
    [InlineData("11010519491231002")]
    [InlineData("22028119561030901")]
    [InlineData("44052418800101001")]
    [InlineData("00000000000000000")]
    [InlineData("99999999999999999")]
    [InlineData("22010219900307998")]
    public void Check_character_agrees_with_an_independent_implementation(string first17)
    {
        Assert.Equal(PersonalDataTests.GbCheckCharacter(first17), IdentityNumbers.CheckCharacter(first17));
    }

    [Fact]
    public void Check_character_covers_every_remainder()
    {
        // Vary the last digit-weight-2 position: the check characters seen must be all of "10X98765432".
        var seen = new HashSet<char>();
        for (var n = 0; n < 1000; n++)
        {
            var first17 = $"220281{19000101 + n:00000000}{n % 1000:000}";
            seen.Add(IdentityNumbers.CheckCharacter(first17));
        }
        Assert.Equal("0123456789X".Order(), seen.Order());
    }

    [Fact]
    public void Invalid_numbers_are_recognised()
    {
        Assert.False(IdentityNumbers.IsValid("110105194912310021")); // wrong check character
        Assert.False(IdentityNumbers.IsValid("11010519491231002"));  // 17 characters
        Assert.False(IdentityNumbers.IsValid("11010519491331002X")); // month 13 (check character recomputed below)
        var badDate = "11010519491331002";
        Assert.False(IdentityNumbers.IsValid(badDate + IdentityNumbers.CheckCharacter(badDate)));
        Assert.Throws<ArgumentException>(() => IdentityNumbers.CheckCharacter("1101051949123100"));
        Assert.Throws<ArgumentException>(() => IdentityNumbers.CheckCharacter("1101051949123100A"));
    }

    [Theory]
    [InlineData("220281", 1956, 10, 30, true, 0, "220281195610309017")]
    [InlineData("220281", 1956, 10, 30, false, 0, "22028119561030900")]
    [InlineData("222426", 2000, 2, 29, true, 49, "22242620000229999")]
    [InlineData("220300", 1970, 1, 1, false, 49, "22030019700101998")]
    public void Create_round_trips_region_birth_date_sex_and_marker(string region, int y, int m, int d, bool male, int sequence, string expectedPrefix)
    {
        var birth = new DateOnly(y, m, d);
        var id = IdentityNumbers.Create(region, birth, male, sequence);
        Assert.Equal(18, id.Length);
        Assert.StartsWith(expectedPrefix, id);
        Assert.Equal(region, id[..6]);
        Assert.Equal(birth, DateOnly.ParseExact(id.Substring(6, 8), "yyyyMMdd"));
        Assert.Equal('9', id[14]);
        Assert.Equal(male, (id[16] - '0') % 2 == 1);
        Assert.Equal(PersonalDataTests.GbCheckCharacter(id[..17]), id[17]);
        Assert.True(IdentityNumbers.IsValid(id));
        Assert.True(IdentityNumbers.IsMarkedSynthetic(id));
    }

    [Fact]
    public void Create_gives_100_distinct_numbers_per_region_and_day()
    {
        var birth = new DateOnly(1980, 5, 17);
        var ids = Enumerable.Range(0, 50).SelectMany(s => new[] { IdentityNumbers.Create("220281", birth, true, s), IdentityNumbers.Create("220281", birth, false, s) }).ToList();
        Assert.Equal(100, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(900, 100).Select(n => n.ToString()), ids.Select(i => i.Substring(14, 3)).Order());
    }

    [Fact]
    public void Create_rejects_bad_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IdentityNumbers.Create("220281", new DateOnly(1980, 1, 1), true, 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => IdentityNumbers.Create("220281", new DateOnly(1980, 1, 1), true, -1));
        Assert.Throws<ArgumentException>(() => IdentityNumbers.Create("22028", new DateOnly(1980, 1, 1), true, 0));
    }
}

public sealed class ApportionTests
{
    [Fact]
    public void Largest_remainders_get_the_leftover_units()
    {
        // Quotas 2.4, 3.3, 4.3: floors 2, 3, 4 leave 1 unit, for the largest remainder (0.4).
        Assert.Equal([3L, 3, 4], Apportion.ByWeights(10, [0.24, 0.33, 0.43]));
        // Quotas 1.6, 1.6, 6.8: floors 1, 1, 6 leave 2 units: one for the largest remainder (0.8), one for the first 0.6.
        Assert.Equal([2L, 1, 7], Apportion.ByWeights(10, [0.16, 0.16, 0.68]));
        // Ties go to the earlier index.
        Assert.Equal([4L, 3, 3], Apportion.ByWeights(10, [1, 1, 1]));
        Assert.Equal([1L, 1, 0], Apportion.ByWeights(2, [1, 1, 1]));
        // Exact quotas stay exact; zero weights get nothing.
        Assert.Equal([50L, 30, 20, 0], Apportion.ByWeights(100, [5, 3, 2, 0]));
        Assert.Equal([0L, 0], Apportion.ByWeights(0, [1, 2]));
    }

    [Fact]
    public void Always_sums_exactly_and_stays_within_one_of_the_quota()
    {
        var rng = new Random(2017);
        for (var run = 0; run < 2000; run++)
        {
            var total = run % 3 == 0 ? rng.NextInt64(0, 1_000_000_000_000) : rng.Next(0, 1000);
            var weights = Enumerable.Range(0, 1 + rng.Next(20)).Select(_ => rng.Next(4) == 0 ? 0 : rng.NextDouble() * 100).ToList();
            if (weights.Sum() <= 0) weights[0] = 1;
            var result = Apportion.ByWeights(total, weights);
            Assert.Equal(total, result.Sum());
            var sum = weights.Sum();
            for (var i = 0; i < weights.Count; i++)
            {
                var quota = (decimal)total * (decimal)weights[i] / (decimal)sum;
                Assert.InRange((decimal)result[i], Math.Floor(quota) - 1, Math.Ceiling(quota) + 1);
                Assert.True(result[i] >= 0);
                if (weights[i] == 0) Assert.Equal(0, result[i]);
            }
        }
    }

    [Fact]
    public void Jiaohe_funding_split_sums_to_the_yuan()
    {
        // 001 第六章: 5.001亿 split over the five sources' weights.
        var parts = Apportion.ByWeights(500_100_000, [0.6, 1.406, 0.065, 2.24, 0.69]);
        Assert.Equal([60_000_000L, 140_600_000, 6_500_000, 224_000_000, 69_000_000], parts);
    }

    [Fact]
    public void Rejects_no_or_non_positive_weights()
    {
        Assert.Throws<ArgumentException>(() => Apportion.ByWeights(10, []));
        Assert.Throws<ArgumentException>(() => Apportion.ByWeights(10, [0, 0]));
    }

    [Fact]
    public void Random_shares_add_up_in_round_units()
    {
        var shares = Apportion.RandomShares(54_000_000, 63, new Random(1));
        Assert.Equal(63, shares.Length);
        Assert.Equal(54_000_000, shares.Sum());
        Assert.All(shares, s => Assert.Equal(0, s % 1000));
        Assert.All(shares, s => Assert.True(s > 0));
        var odd = Apportion.RandomShares(1_000_001, 7, new Random(1));
        Assert.Equal(1_000_001, odd.Sum());
    }
}

public sealed class EnumNamesTests
{
    [Theory]
    [InlineData("WholeVillageAdvancement2013", "WHOLE_VILLAGE_ADVANCEMENT_2013")]
    [InlineData("LackOfLand", "LACK_OF_LAND")]
    [InlineData("ECommerce", "E_COMMERCE")]
    [InlineData("FiveGuarantees", "FIVE_GUARANTEES")]
    [InlineData("LowIncomeGuarantee", "LOW_INCOME_GUARANTEE")]
    [InlineData("Illness", "ILLNESS")]
    [InlineData("WestAridSaline", "WEST_ARID_SALINE")]
    [InlineData("CaseByCase", "CASE_BY_CASE")]
    public void ToConstant_spells_screaming_snake_case(string pascal, string constant) =>
        Assert.Equal(constant, EnumNames.ToConstant(pascal));

    [Fact]
    public void Every_domain_enum_value_round_trips()
    {
        Type[] enums =
        [
            typeof(ProjectCategory), typeof(ProjectKind), typeof(ProjectStatus), typeof(FundingLevel), typeof(FundingKind),
            typeof(CountyKind), typeof(TownshipKind), typeof(ContiguousArea), typeof(RegionLevel), typeof(VillageDesignation),
            typeof(HouseholdType), typeof(PovertyCause), typeof(AssistanceMeasure), typeof(Gender), typeof(Relationship), typeof(TargetAttribute),
        ];
        foreach (var type in enums)
        {
            var constants = Enum.GetNames(type).Select(EnumNames.ToConstant).ToList();
            Assert.Equal(constants.Count, constants.Distinct().Count());
            foreach (var value in Enum.GetValues(type))
            {
                var constant = EnumNames.ToConstant(value.ToString()!);
                Assert.Matches("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", constant);
                Assert.True(EnumNames.TryParse(type, constant, out var parsed), $"{type.Name}.{value} as {constant}");
                Assert.Equal(value, parsed);
            }
        }
    }

    [Fact]
    public void TryParse_is_exact()
    {
        Assert.False(EnumNames.TryParse(typeof(PovertyCause), "LackOfLand", out _));
        Assert.False(EnumNames.TryParse(typeof(PovertyCause), "lack_of_land", out _));
        Assert.False(EnumNames.TryParse(typeof(PovertyCause), "1", out _));
        Assert.True(EnumNames.TryParse(typeof(PovertyCause), "LACK_OF_LAND", out var value));
        Assert.Equal(PovertyCause.LackOfLand, value);
        Assert.Equal("COUNTY, CITY, DISTRICT", EnumNames.Allowed(typeof(CountyKind)));
    }
}

public sealed class CsvReaderTests
{
    private static List<CsvReader.Record> Read(string text) => CsvReader.Read(new StringReader(text)).ToList();

    private static void AssertRecord(CsvReader.Record record, int line, params string[] fields)
    {
        Assert.Equal(line, record.Line);
        Assert.Equal(fields, record.Fields);
    }

    [Fact]
    public void Reads_plain_records_with_their_line_numbers()
    {
        var records = Read("id,name\n1,a\n2,b\n");
        Assert.Equal(3, records.Count);
        AssertRecord(records[0], 1, "id", "name");
        AssertRecord(records[1], 2, "1", "a");
        AssertRecord(records[2], 3, "2", "b");
    }

    [Fact]
    public void Quoted_fields_keep_commas_and_doubled_quotes()
    {
        var records = Read("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n");
        AssertRecord(records[1], 2, "1", "x, y", "say \"hi\"");
    }

    [Fact]
    public void Newlines_inside_quotes_stay_in_the_field_and_lines_keep_counting()
    {
        var records = Read("a,b\n1,\"first\nsecond\nthird\"\n2,after\n3,\"\"\n");
        Assert.Equal(4, records.Count);
        AssertRecord(records[1], 2, "1", "first\nsecond\nthird");
        AssertRecord(records[2], 5, "2", "after");
        AssertRecord(records[3], 6, "3", "");
    }

    [Fact]
    public void Crlf_line_endings_are_accepted()
    {
        var records = Read("a,b\r\n1,x\r\n2,\"y\r\nz\"\r\n3,w\r\n");
        Assert.Equal(4, records.Count);
        AssertRecord(records[0], 1, "a", "b");
        AssertRecord(records[1], 2, "1", "x");
        Assert.Equal(3, records[2].Line);
        Assert.Equal("2", records[2].Fields[0]);
        Assert.Equal("z", records[2].Fields[1][^1..]);
        AssertRecord(records[3], 5, "3", "w");
    }

    [Fact]
    public void The_last_line_may_lack_a_newline()
    {
        var records = Read("a,b\n1,x\n2,y");
        Assert.Equal(3, records.Count);
        AssertRecord(records[2], 3, "2", "y");
        var quoted = Read("a\n\"last\"");
        AssertRecord(quoted[1], 2, "last");
    }

    [Fact]
    public void Empty_fields_and_blank_lines()
    {
        var records = Read("a,b,c\n,,\n\n1,,3\n");
        AssertRecord(records[1], 2, "", "", "");
        AssertRecord(records[2], 3, "");
        AssertRecord(records[3], 4, "1", "", "3");
        Assert.Empty(Read(""));
    }

    [Fact]
    public void An_unterminated_quote_is_an_error_naming_the_record_line()
    {
        var error = Assert.Throws<FormatException>(() => Read("a,b\n1,x\n2,\"open\nstill open\n"));
        Assert.Equal("line 3: unterminated quoted field", error.Message);
    }
}
