using Microsoft.EntityFrameworkCore;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Generation;

/// <summary>
/// Generates the synthetic part of the dataset from the imported real rows and the published totals:
/// placeholder villages, households and their members, Jiaohe's projects and their funding. Everything is
/// drawn from one seeded <see cref="Random"/> in a fixed order, so the same seed gives the same database,
/// and every published total is met exactly (by <see cref="ExactPartitioner"/>, not by luck).
/// </summary>
public sealed class SyntheticDataGenerator(PovertyGraphDbContext db, BulkWriter writer, PublishedTotals totals, int seed, Action<string> progress)
{
    private const string ProvincePlan = "jl-plan-2016-2020";
    private const string JiaohePlan = "jiaohe-plan-2016-2020";
    private const string GeneratedNote = "generated to reproduce the published totals";
    private const string PersonTimes = "PERSON_TIMES";

    // 000 (chapter 4) names counties with relocation resettlement sites, "通榆、和龙、临江、安图、抚松等地": the list ends
    // in 等 and is not complete; relocated households are placed only in the counties it names.
    private static readonly string[] RelocationCounties = ["通榆", "和龙", "临江", "安图", "抚松"];
    // Household size distribution for the placeholder households (1..6 members), tuned to Jiaohe's average of 1.99.
    private static readonly double[] SizeWeights = [0.38, 0.39, 0.13, 0.07, 0.02, 0.01];

    private readonly Random _rng = new(seed);
    private readonly NameFactory _names = new(new Random(seed + 1));
    private readonly Dictionary<string, int> _idSequence = new();
    private int _nextTownshipId, _nextVillageId, _nextHouseholdId = 1, _nextPersonId = 1, _nextProjectId, _nextAllocationId;

    private List<County> _counties = [];
    private List<Township> _townships = [];
    private List<Village> _villages = [];
    private County _detailed = null!;

    public sealed record Summary(int Villages, int Households, int Persons, int Projects, int Allocations);

    /// <param name="provinceScale">False for the small profile: only the detailed county gets households.</param>
    public Summary Generate(bool provinceScale)
    {
        Load();
        var newTownships = new List<Township>();
        var newVillages = new List<Village>();
        PlanVillages(provinceScale, newTownships, newVillages);
        writer.Insert(newTownships);
        writer.Insert(newVillages);
        progress($"villages: {newVillages.Count} placeholder villages, {newTownships.Count} placeholder townships");

        var households = new List<Household>();
        var persons = new List<Person>();
        GenerateDetailedCountyHouseholds(households);
        if (provinceScale) GenerateProvinceHouseholds(households);
        progress($"households: {households.Count:N0} planned; creating members");
        foreach (var h in households) CreateMembers(h, persons);
        writer.Insert(households);
        progress($"households: {households.Count:N0} written");
        writer.Insert(persons);
        progress($"persons: {persons.Count:N0} written");

        var (projects, allocations) = GenerateProjects();
        writer.Insert(projects);
        writer.Insert(allocations);
        progress($"projects: {projects.Count} projects, {allocations.Count} funding allocations");
        return new Summary(newVillages.Count, households.Count, persons.Count, projects.Count, allocations.Count);
    }

    private void Load()
    {
        _counties = db.Counties.OrderBy(c => c.Id).ToList();
        _townships = db.Townships.OrderBy(t => t.Id).ToList();
        _villages = db.Villages.OrderBy(v => v.Id).ToList();
        _detailed = _counties.SingleOrDefault(c => c.Name == totals.DetailedCounty)
                    ?? throw new InvalidOperationException($"county {totals.DetailedCounty} of published_totals.csv is not in counties.csv");
        _nextTownshipId = (_townships.Count == 0 ? 0 : _townships.Max(t => t.Id)) + 1;
        _nextVillageId = (_villages.Count == 0 ? 0 : _villages.Max(v => v.Id)) + 1;
        _nextProjectId = (db.Projects.Max(p => (int?)p.Id) ?? 0) + 1;
        _nextAllocationId = (db.FundingAllocations.Max(a => (int?)a.Id) ?? 0) + 1;
    }

    // ---------------------------------------------------------------- villages

    private void PlanVillages(bool provinceScale, List<Township> newTownships, List<Village> newVillages)
    {
        var province = totals.Province;
        var quotas = totals.Where(province, "VILLAGES", "PLANNED_EXIT_YEAR").OrderBy(r => int.Parse(r.Key))
            .Select(r => (Year: int.Parse(r.Key), Left: r.Value)).ToList();
        var registeredTotal = totals.Get(province, "VILLAGES", "REGISTERED", "true");
        if (quotas.Sum(q => q.Left) != registeredTotal) throw new InvalidOperationException("village exit quotas do not add up to the registered villages");

        // Real registered villages (Jiaohe's 25) take the earliest exit years; their year is a generated field.
        var realRegistered = _villages.Where(v => v.Registered == true).ToList();
        var realYears = new List<(int Id, int Year)>();
        foreach (var v in realRegistered.Where(v => v.PlannedExitYear == null))
        {
            var q = quotas.FindIndex(q => q.Left > 0);
            v.PlannedExitYear = quotas[q].Year;
            quotas[q] = (quotas[q].Year, quotas[q].Left - 1);
            realYears.Add((v.Id, v.PlannedExitYear.Value));
        }
        foreach (var group in realYears.GroupBy(r => r.Year))
        {
            var ids = group.Select(g => g.Id).ToList();
            db.Villages.Where(v => ids.Contains(v.Id)).ExecuteUpdate(s => s
                .SetProperty(v => v.PlannedExitYear, group.Key)
                .SetProperty(v => v.SyntheticFields, v => v.SyntheticFields == "" ? "plannedExitYear" : v.SyntheticFields + ",plannedExitYear"));
        }

        // Placeholder registered villages, spread over the other counties, weighted toward the contiguous areas.
        var otherCounties = _counties.Where(c => c.Id != _detailed.Id).ToList();
        foreach (var c in otherCounties) EnsureTownships(c, 6, newTownships);
        var years = quotas.SelectMany(q => Enumerable.Repeat(q.Year, (int)q.Left)).ToArray();
        _rng.Shuffle(years);
        var perCounty = Apportion.ByWeights(years.Length, otherCounties.Select(c => c.ContiguousArea != null ? 4.0 : 1.0).ToList());
        var y = 0;
        for (var i = 0; i < otherCounties.Count; i++)
        {
            var townships = TownshipsOf(otherCounties[i]);
            for (var k = 0; k < perCounty[i]; k++)
                newVillages.Add(NewVillage(townships[_rng.Next(townships.Count)], registered: true, years[y++], ProvincePlan, "表1 建档立卡贫困村 (placeholder)"));
        }

        // Jiaohe: ordinary villages up to the 256 administrative villages, at least one per township.
        var jiaoheTotal = (int)totals.Get(_detailed.Name, "VILLAGES", "ALL");
        var jiaoheTownships = TownshipsOf(_detailed);
        var existing = _villages.Count(v => v.CountyId == _detailed.Id);
        var households = jiaoheTownships.Select(t => (double)totals.GetOrZero(_detailed.Name, "HOUSEHOLDS", "TOWNSHIP", t.Name) + 1).ToList();
        var ordinary = Apportion.ByWeights(jiaoheTotal - existing - jiaoheTownships.Count, households);
        for (var i = 0; i < jiaoheTownships.Count; i++)
        {
            for (var k = 0; k < ordinary[i] + 1; k++)
                newVillages.Add(NewVillage(jiaoheTownships[i], registered: false, null, JiaohePlan, "第四章 256个行政村 (placeholder)"));
        }

        if (provinceScale)
        {
            // Ordinary villages for the province's other households (no document gives their number).
            foreach (var c in otherCounties)
            {
                var townships = TownshipsOf(c);
                for (var k = 0; k < 60; k++)
                    newVillages.Add(NewVillage(townships[_rng.Next(townships.Count)], registered: false, null, ProvincePlan, "ordinary village (placeholder)"));
            }
        }
    }

    private List<Township> TownshipsOf(County c) => _townships.Where(t => t.CountyId == c.Id).ToList();

    private void EnsureTownships(County county, int minimum, List<Township> created)
    {
        var names = TownshipsOf(county).Select(t => t.Name).ToHashSet();
        while (names.Count < minimum)
        {
            var kind = _rng.Next(3) == 0 ? TownshipKind.Township : TownshipKind.Town;
            var name = _names.PlaceName() + (kind == TownshipKind.Town ? "镇" : "乡");
            if (!names.Add(name)) continue;
            var t = new Township
            {
                Id = _nextTownshipId++, Name = name, NamePinyin = PlaceNameReadings.Romanise(name), Kind = kind,
                CountyId = county.Id, PrefectureId = county.PrefectureId, ProvinceId = county.ProvinceId,
                Synthetic = true, SourceReference = "placeholder township for placeholder villages",
            };
            created.Add(t);
            _townships.Add(t);
        }
    }

    private Village NewVillage(Township township, bool registered, int? exitYear, string source, string reference)
    {
        var taken = _villages.Where(v => v.TownshipId == township.Id).Select(v => v.Name).ToHashSet();
        string name;
        do name = _names.PlaceName() + "村"; while (taken.Contains(name));
        var v = new Village
        {
            Id = _nextVillageId++, Name = name, NamePinyin = PlaceNameReadings.Romanise(name),
            TownshipId = township.Id, CountyId = township.CountyId, PrefectureId = township.PrefectureId,
            ProvinceId = township.ProvinceId, Registered = registered, ProvincialLevel = false, PlannedExitYear = exitYear,
            Designations = registered ? "REGISTERED_POOR_VILLAGE" : "",
            Synthetic = true, SourceDocumentId = source, SourceReference = reference,
        };
        _villages.Add(v);
        return v;
    }

    // ---------------------------------------------------------------- households

    private int[] HouseholdSizes(int count, long persons)
    {
        var sizes = new int[count];
        for (var i = 0; i < count; i++)
        {
            var r = _rng.NextDouble();
            var s = 0;
            while (s < SizeWeights.Length - 1 && r > SizeWeights[s]) r -= SizeWeights[s++];
            sizes[i] = s + 1;
        }
        var diff = persons - sizes.Sum(s => (long)s);
        while (diff != 0)
        {
            var i = _rng.Next(count);
            if (diff > 0 && sizes[i] < 8) { sizes[i]++; diff--; }
            else if (diff < 0 && sizes[i] > 1) { sizes[i]--; diff++; }
        }
        return sizes;
    }

    /// <summary>Targets of one dimension of the detailed county, in household and person counts.</summary>
    /// <param name="personMeasure">PERSONS, or PERSON_TIMES for Table 3-1 (人次): the model gives each household one
    /// primary measure, so each person-time is reproduced as one person (seed-data/README.md).</param>
    private List<(string Key, ExactPartitioner.Target Target)> DimensionTargets(string dimension, bool withCounts, string personMeasure = "PERSONS")
    {
        var persons = totals.Where(_detailed.Name, personMeasure, dimension).ToList();
        return persons.Select(p => (p.Key, new ExactPartitioner.Target(
            withCounts ? (int)totals.Get(_detailed.Name, "HOUSEHOLDS", dimension, p.Key) : null, p.Value))).ToList();
    }

    private int[] PartitionDimension(int[] sizes, string dimension, bool withCounts, out List<string?> keys, string personMeasure = "PERSONS")
    {
        var targets = DimensionTargets(dimension, withCounts, personMeasure);
        var count = sizes.Length;
        var persons = sizes.Sum();
        var restCount = count - targets.Sum(t => t.Target.Count ?? 0);
        var restSum = persons - targets.Sum(t => t.Target.Sum);
        keys = targets.Select(t => (string?)t.Key).ToList();
        // What the table leaves out (households without labour capacity, persons without a measure) is a category of its own.
        if (restSum != 0 || (withCounts && restCount != 0))
        {
            targets.Add((null!, new ExactPartitioner.Target(withCounts ? restCount : null, restSum)));
            keys.Add(null);
        }
        return ExactPartitioner.Partition(sizes, targets.Select(t => t.Target).ToList(), _rng);
    }

    private void GenerateDetailedCountyHouseholds(List<Household> output)
    {
        var name = _detailed.Name;
        var count = (int)totals.Get(name, "HOUSEHOLDS", "ALL");
        var persons = totals.Get(name, "PERSONS", "ALL");
        var sizes = HouseholdSizes(count, persons);

        var township = PartitionDimension(sizes, "TOWNSHIP", true, out var townshipKeys);
        var type = PartitionDimension(sizes, "TYPE", true, out var typeKeys);
        var cause = PartitionDimension(sizes, "PRIMARY_CAUSE", true, out var causeKeys);
        var labor = PartitionDimension(sizes, "HAS_LABOR_CAPACITY", true, out var laborKeys);
        var measure = PartitionDimension(sizes, "PRIMARY_MEASURE", false, out var measureKeys, PersonTimes);
        var exit = PartitionDimension(sizes, "PLANNED_EXIT_YEAR", false, out var exitKeys);
        if (townshipKeys.Contains(null)) throw new InvalidOperationException("township totals do not cover every household");

        var townshipByName = TownshipsOf(_detailed).ToDictionary(t => t.Name);
        var provincial = _villages.Where(v => v.CountyId == _detailed.Id && v.ProvincialLevel).ToList();
        var ordinary = _villages.Where(v => v.CountyId == _detailed.Id && !v.ProvincialLevel).ToList();

        // Which households live in the provincial poor villages: a subset of the households of the townships
        // that have one, with exactly the published households and persons.
        var eligibleTownships = provincial.Select(v => v.TownshipId).ToHashSet();
        var eligible = Enumerable.Range(0, count).Where(i => eligibleTownships.Contains(townshipByName[townshipKeys[township[i]]!].Id)).ToArray();
        var inVillages = new bool[count];
        var provincialHouseholds = (int)totals.Get(name, "HOUSEHOLDS", "PROVINCIAL_VILLAGES", "true");
        var provincialPersons = totals.Get(name, "PERSONS", "PROVINCIAL_VILLAGES", "true");
        var split = ExactPartitioner.Partition(eligible.Select(i => sizes[i]).ToList(),
        [
            new(provincialHouseholds, provincialPersons),
            new(eligible.Length - provincialHouseholds, eligible.Sum(i => sizes[i]) - provincialPersons),
        ], _rng);
        for (var k = 0; k < eligible.Length; k++) inVillages[eligible[k]] = split[k] == 0;

        var villagesOf = new Dictionary<(int Township, bool Provincial), List<Village>>();
        foreach (var v in provincial.Concat(ordinary))
        {
            var key = (v.TownshipId, v.ProvincialLevel);
            if (!villagesOf.TryGetValue(key, out var list)) villagesOf[key] = list = [];
            list.Add(v);
        }
        var dealt = new Dictionary<(int, bool), int>();
        for (var i = 0; i < count; i++)
        {
            var t = townshipByName[townshipKeys[township[i]]!];
            var key = (t.Id, inVillages[i]);
            var candidates = villagesOf[key];
            // Deal round-robin first so every village has households, then at random.
            var n = dealt.GetValueOrDefault(key);
            dealt[key] = n + 1;
            var village = n < candidates.Count ? candidates[n] : candidates[_rng.Next(candidates.Count)];
            output.Add(NewHousehold(village, sizes[i], JiaohePlan, "第一章 三 正文, 表1-1, 表1-2, 表2-1, 表3-1 (generated)",
                Enum.Parse<HouseholdType>(Pascal(typeKeys[type[i]]!)),
                Enum.Parse<PovertyCause>(Pascal(causeKeys[cause[i]]!)),
                measureKeys[measure[i]] is { } m ? Enum.Parse<AssistanceMeasure>(Pascal(m)) : null,
                laborKeys[labor[i]] == "true",
                int.Parse(exitKeys[exit[i]] ?? throw new InvalidOperationException("exit years do not cover every person")),
                relocated: false));
        }
    }

    private void GenerateProvinceHouseholds(List<Household> output)
    {
        var province = totals.Province;
        var detailedPersons = totals.Get(_detailed.Name, "PERSONS", "ALL");
        var detailedHouseholds = totals.Get(_detailed.Name, "HOUSEHOLDS", "ALL");
        var persons = totals.Get(province, "PERSONS", "ALL") - detailedPersons;
        // No document gives the province's household count: use Jiaohe's persons per household.
        var count = (int)Math.Round((double)persons * detailedHouseholds / detailedPersons);
        var sizes = HouseholdSizes(count, persons);
        progress($"province: {count:N0} households, {persons:N0} persons outside {_detailed.Name}");

        var exitTargets = totals.Where(province, "PERSONS", "PLANNED_EXIT_YEAR").OrderBy(r => r.Key)
            .Select(r => (Year: int.Parse(r.Key), Persons: r.Value - totals.GetOrZero(_detailed.Name, "PERSONS", "PLANNED_EXIT_YEAR", r.Key))).ToList();
        var exit = ExactPartitioner.Partition(sizes, exitTargets.Select(t => new ExactPartitioner.Target(null, t.Persons)).ToList(), _rng);

        // Households are placed in counties weighted toward the contiguous poverty areas.
        var counties = _counties.Where(c => c.Id != _detailed.Id).ToList();
        var perCounty = Apportion.ByWeights(count, counties.Select(c => c.ContiguousArea != null ? 3.0 : 1.0).ToList());
        var countyOf = new int[count];
        var order = Enumerable.Range(0, count).ToArray();
        _rng.Shuffle(order);
        var position = 0;
        for (var c = 0; c < counties.Count; c++)
            for (var k = 0; k < perCounty[c]; k++) countyOf[order[position++]] = c;

        // Exactly the published illness households; the other causes in Jiaohe's proportions. 000's 26.85万户 counts
        // households poor or fallen back through illness (因病致(返)贫); the model has no fallen-back flag, so it is
        // reproduced as households whose primary cause is illness (seed-data/README.md).
        var illness = totals.Get(province, "HOUSEHOLDS", "PRIMARY_CAUSE", "ILLNESS") - totals.Get(_detailed.Name, "HOUSEHOLDS", "PRIMARY_CAUSE", "ILLNESS");
        var causes = new PovertyCause[count];
        _rng.Shuffle(order);
        var otherCauses = DimensionTargets("PRIMARY_CAUSE", true).Where(t => t.Key != "ILLNESS").ToList();
        var otherCounts = Apportion.ByWeights(count - illness, otherCauses.Select(t => (double)t.Target.Count!.Value).ToList());
        position = 0;
        for (var k = 0; k < illness; k++) causes[order[position++]] = PovertyCause.Illness;
        for (var c = 0; c < otherCauses.Count; c++)
            for (var k = 0; k < otherCounts[c]; k++) causes[order[position++]] = Enum.Parse<PovertyCause>(Pascal(otherCauses[c].Key));

        // Relocated households: in the resettlement counties, exactly the published persons.
        var relocatedPersons = totals.Get(province, "PERSONS", "RELOCATED", "true");
        var relocationCounties = counties.Select((c, i) => (c, i)).Where(x => RelocationCounties.Any(r => x.c.Name.StartsWith(r))).Select(x => x.i).ToHashSet();
        var eligible = Enumerable.Range(0, count).Where(i => relocationCounties.Contains(countyOf[i])).ToArray();
        var relocated = new bool[count];
        var split = ExactPartitioner.Partition(eligible.Select(i => sizes[i]).ToList(),
            [new(null, relocatedPersons), new(null, eligible.Sum(i => (long)sizes[i]) - relocatedPersons)], _rng);
        for (var k = 0; k < eligible.Length; k++) relocated[eligible[k]] = split[k] == 0;

        var typeWeights = DimensionTargets("TYPE", true);
        var measureWeights = DimensionTargets("PRIMARY_MEASURE", false, PersonTimes).Where(t => t.Target.Sum > 0).ToList();
        var villagesByCounty = counties.Select(c => _villages.Where(v => v.CountyId == c.Id).ToArray()).ToArray();
        for (var i = 0; i < count; i++)
        {
            var villages = villagesByCounty[countyOf[i]];
            var village = villages[_rng.Next(villages.Length)];
            output.Add(NewHousehold(village, sizes[i], ProvincePlan, "表1 建档立卡贫困人口 (generated)",
                Enum.Parse<HouseholdType>(Pascal(Pick(typeWeights, t => t.Target.Count!.Value).Key)),
                causes[i],
                Enum.Parse<AssistanceMeasure>(Pascal(Pick(measureWeights, t => t.Target.Sum).Key)),
                _rng.Next(10) < 3,
                exitTargets[exit[i]].Year,
                relocated[i]));
        }
    }

    private T Pick<T>(IReadOnlyList<T> items, Func<T, long> weight)
    {
        var total = items.Sum(weight);
        var r = (long)(_rng.NextDouble() * total);
        foreach (var item in items)
        {
            r -= weight(item);
            if (r < 0) return item;
        }
        return items[^1];
    }

    private Household NewHousehold(Village v, int size, string source, string reference, HouseholdType type, PovertyCause cause,
        AssistanceMeasure? measure, bool labor, int exitYear, bool relocated) => new()
    {
        Id = _nextHouseholdId++, VillageId = v.Id, TownshipId = v.TownshipId, CountyId = v.CountyId,
        PrefectureId = v.PrefectureId, ProvinceId = v.ProvinceId, MemberCount = size, Type = type, PrimaryCause = cause,
        PrimaryMeasure = measure, HasLaborCapacity = labor, Relocated = relocated, RegisteredYear = 2014 + _rng.Next(2),
        PlannedExitYear = exitYear, AnnualIncomePerCapita = 1200 + _rng.Next(1800),
        Phone = "100" + _rng.Next(10_000_000, 100_000_000), CellKey = _rng.Next(1 << 24),
        Synthetic = true, SourceDocumentId = source, SourceReference = reference,
    };

    private static string Pascal(string constant) =>
        string.Concat(constant.Split('_').Select(p => p[0] + p[1..].ToLowerInvariant()));

    // ---------------------------------------------------------------- persons

    private void CreateMembers(Household h, List<Person> output)
    {
        var region = RegionCode(h.CountyId);
        var headMale = _rng.Next(100) < 78;
        var headBirth = RandomDate(1940, 1985);
        var surname = _names.Surname();
        var head = NewPerson(h, surname + _names.GivenName(headMale), headMale, headBirth, Relationship.Head, region);
        output.Add(head);
        h.HeadName = head.Name;
        h.HeadIdNumber = head.IdNumber;
        for (var k = 1; k < h.MemberCount; k++)
        {
            Person p;
            if (k == 1 && _rng.Next(100) < 75)
            {
                p = NewPerson(h, _names.Surname() + _names.GivenName(!headMale), !headMale, Clamp(headBirth.AddDays(_rng.Next(-2000, 2000))), Relationship.Spouse, region);
            }
            else if (k == 1 && headBirth.Year > 1965 && _rng.Next(100) < 50)
            {
                var male = _rng.Next(2) == 0;
                p = NewPerson(h, (male ? surname : _names.Surname()) + _names.GivenName(male), male, RandomDate(headBirth.Year - 35, headBirth.Year - 20), Relationship.Parent, region);
            }
            else
            {
                var male = _rng.Next(2) == 0;
                var childYear = Math.Min(2014, headBirth.Year + 20 + _rng.Next(20));
                var relation = childYear < headBirth.Year + 45 ? Relationship.Child : Relationship.Grandchild;
                p = NewPerson(h, surname + _names.GivenName(male), male, RandomDate(childYear, childYear), relation, region);
            }
            output.Add(p);
        }
    }

    private static DateOnly Clamp(DateOnly d) => d.Year > 1995 ? new DateOnly(1995, d.Month, 1) : d;

    private DateOnly RandomDate(int fromYear, int toYear)
    {
        var start = new DateOnly(fromYear, 1, 1).DayNumber;
        var end = new DateOnly(toYear, 12, 31).DayNumber;
        return DateOnly.FromDayNumber(start + _rng.Next(end - start + 1));
    }

    private Person NewPerson(Household h, string name, bool male, DateOnly birth, Relationship relation, string region)
    {
        // Up to 50 fake sequence codes per region, day and sex; move the birthday on a day when they run out.
        string key;
        int sequence;
        while (true)
        {
            key = $"{region}{birth:yyyyMMdd}{(male ? 1 : 0)}";
            sequence = _idSequence.GetValueOrDefault(key);
            if (sequence < 50) break;
            birth = birth.AddDays(1);
        }
        _idSequence[key] = sequence + 1;
        return new Person
        {
            Id = _nextPersonId++, HouseholdId = h.Id, Name = name, Gender = male ? Gender.Male : Gender.Female,
            BirthDate = birth, Relationship = relation, IdNumber = IdentityNumbers.Create(region, birth, male, sequence),
            Synthetic = true, SourceDocumentId = h.SourceDocumentId, SourceReference = "household member (generated)",
        };
    }

    private readonly Dictionary<int, string> _regionCodes = new();

    private string RegionCode(int countyId)
    {
        if (_regionCodes.TryGetValue(countyId, out var code)) return code;
        var county = _counties.Single(c => c.Id == countyId);
        code = county.Code is { Length: 6 } ? county.Code
            : db.Prefectures.Where(p => p.Id == county.PrefectureId).Select(p => p.Code).SingleOrDefault() is { Length: 6 } pc ? pc
            : db.Provinces.Where(p => p.Id == county.ProvinceId).Select(p => p.Code).SingleOrDefault() ?? "220000";
        return _regionCodes[countyId] = code;
    }

    // ---------------------------------------------------------------- projects and funding

    private static readonly Dictionary<ProjectCategory, string> ProjectNouns = new()
    {
        [ProjectCategory.Planting] = "特色种植产业项目", [ProjectCategory.Livestock] = "养殖产业项目",
        [ProjectCategory.Processing] = "农产品加工项目", [ProjectCategory.Photovoltaic] = "光伏扶贫电站项目",
        [ProjectCategory.RuralTourism] = "乡村旅游项目", [ProjectCategory.Education] = "教育扶贫项目",
        [ProjectCategory.Infrastructure] = "基础设施建设项目",
    };

    private (List<Project>, List<FundingAllocation>) GenerateProjects()
    {
        var name = _detailed.Name;
        var projects = new List<Project>();
        var villages = _villages.Where(v => v.CountyId == _detailed.Id).OrderByDescending(v => v.ProvincialLevel).ThenBy(v => v.Id).ToList();
        foreach (var row in totals.Where(name, "PROJECTS", "CATEGORY"))
        {
            var category = Enum.Parse<ProjectCategory>(Pascal(row.Key));
            var budgets = Apportion.RandomShares(totals.Get(name, "BUDGET_YUAN", "CATEGORY", row.Key), (int)row.Value, _rng);
            for (var k = 0; k < row.Value; k++)
            {
                // Photovoltaic stations go first to the provincial poor villages, as in the plan.
                var village = category == ProjectCategory.Photovoltaic && k < villages.Count(v => v.ProvincialLevel)
                    ? villages[k] : villages[_rng.Next(villages.Count)];
                var start = 2016 + _rng.Next(3);
                projects.Add(new Project
                {
                    Id = _nextProjectId++, Name = village.Name + ProjectNouns.GetValueOrDefault(category, "扶贫项目"),
                    Category = category, Kind = ProjectKind.Project, Status = ProjectStatus.Planned, StartYear = start,
                    EndYear = Math.Min(2020, start + _rng.Next(3)), Budget = budgets[k], VillageId = village.Id,
                    CountyId = _detailed.Id, PrefectureId = _detailed.PrefectureId, ProvinceId = _detailed.ProvinceId,
                    Synthetic = true, SourceDocumentId = JiaohePlan, SourceReference = "第六章 项目个数与计划投入 (" + GeneratedNote + ")",
                });
            }
        }

        // Funding: every planned yuan of the county's 2016–2020 projects and programmes, by source, exactly.
        var programmes = db.Projects.Where(p => p.CountyId == _detailed.Id && p.StartYear >= 2016 && !p.Allocations.Any()).OrderBy(p => p.Id).ToList();
        var funded = projects.OrderBy(p => p.Category != ProjectCategory.Photovoltaic).ThenBy(p => p.Category).ThenBy(p => p.Id).Concat(programmes).ToList();
        var sources = db.FundingSources.ToDictionary(s => s.Name);
        var shares = totals.Where(name, "FUNDING_YUAN", "SOURCE").OrderByDescending(r => r.Value)
            .Select(r => (Source: sources.TryGetValue(r.Key, out var s) ? s : throw new InvalidOperationException($"funding source {r.Key} is not in funding_sources.csv"), Left: r.Value))
            .ToList();
        var budgetTotal = funded.Sum(p => p.Budget);
        if (budgetTotal != shares.Sum(s => s.Left))
            throw new InvalidOperationException($"{name}: planned budgets add to {budgetTotal} yuan but the funding sources to {shares.Sum(s => s.Left)}");
        var allocations = new List<FundingAllocation>();
        var si = 0;
        foreach (var p in funded)
        {
            var need = p.Budget;
            while (need > 0)
            {
                var take = Math.Min(need, shares[si].Left);
                allocations.Add(new FundingAllocation
                {
                    Id = _nextAllocationId++, ProjectId = p.Id, SourceId = shares[si].Source.Id, Year = p.StartYear, Amount = take,
                    Synthetic = true, SourceDocumentId = JiaohePlan, SourceReference = "第六章 资金来源 (" + GeneratedNote + ")",
                });
                need -= take;
                shares[si] = (shares[si].Source, shares[si].Left - take);
                if (shares[si].Left == 0) si++;
            }
        }
        return (projects, allocations);
    }
}
