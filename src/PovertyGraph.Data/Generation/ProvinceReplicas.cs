using PovertyGraph.Domain;

namespace PovertyGraph.Data.Generation;

/// <summary>
/// The national sample: after the province is built, copies of its structure under generated provinces until the
/// dataset is <see cref="DatasetProfile.Scale"/> times the province's size. Replica r (2, 3, …) repeats every
/// prefecture, county, township and village of the province and every household with its members; a last, partial
/// replica takes whole counties in ID order until it holds its fraction of the households. IDs move by (r − 1) × the
/// province's largest ID in each table.
/// <para>
/// What the documents say about real places is not copied: names are generated (样本省02, 样本地区0203,
/// 样本县02017, and generated 镇/乡/村 names), codes are empty, and of the designations only "registered poor
/// village" is kept. What shapes the figures is kept: county kind and contiguous-area class, village registration and
/// exit year, each household's size, type, cause, measure, labour capacity, exit year, relocation, income and
/// registration year, and its members' sex, birth date and relationship. Names, phones and cell keys are drawn afresh;
/// identity numbers keep their birth date and fake sequence code (900–999) under the region code 9RRCCC (replica,
/// county), a code no real region has. Every row is synthetic, has no source document and names its replica.
/// Projects, funding, organisations and plan targets are not replicated.
/// </para>
/// </summary>
public sealed class ProvinceReplicas(PovertyGraphDbContext db, BulkWriter writer, int seed, Action<string> progress)
{
    public sealed record Summary(int Replicas, int Villages, int Households, int Persons);

    /// <summary>What every replicated row says of itself (<see cref="SourcedEntity.SourceReference"/>).</summary>
    public static string Reference(int replica) =>
        $"national sample: replica {replica:00} of the province's synthetic structure; generated, not real data (docs/SCALING.md)";

    /// <summary>The region code of a replica county in its members' identity numbers: 9, the replica, the county's position.</summary>
    public static string RegionCode(int replica, int countyPosition) => $"9{replica:00}{countyPosition:000}";

    /// <summary>Adds replicas until the dataset is <paramref name="scale"/> times the province (nothing for 1).</summary>
    public Summary Generate(double scale)
    {
        if (scale <= 1) return new Summary(0, 0, 0, 0);
        var source = ProvinceSnapshot.Load(db);
        // Indexes and foreign keys of the big tables are built once over all replicas, not maintained row by row.
        var restore = new[] { writer.DeferIndexes<Village>(), writer.DeferIndexes<Household>(), writer.DeferIndexes<Person>() };
        int replicas = 0, villages = 0, households = 0, persons = 0;
        for (var r = 2; r - 1 < scale; r++)
        {
            var counties = source.CountiesFor(Math.Min(1, scale - (r - 1)));
            var written = new Replica(source, r, counties, seed).Write(writer);
            replicas++;
            villages += written.Villages;
            households += written.Households;
            persons += written.Persons;
            progress($"national sample: replica {r:00} written ({counties.Count} counties, {written.Households:N0} households, {written.Persons:N0} persons)");
        }
        progress("national sample: building the indexes of villages, households and persons");
        foreach (var index in restore) index();
        return new Summary(replicas, villages, households, persons);
    }

    /// <summary>One replica: its geography, households and members, generated from the province with its own seeded draws.</summary>
    private sealed class Replica(ProvinceSnapshot source, int r, IReadOnlyList<County> counties, int seed)
    {
        private readonly Random _rng = new(unchecked(seed + 7919 * r));
        private readonly NameFactory _names = new(new Random(unchecked(seed + 7919 * r + 1)));
        private readonly string _reference = Reference(r);

        private int Shift(int id, int largest) => id + (r - 1) * largest;

        public (int Villages, int Households, int Persons) Write(BulkWriter writer)
        {
            var countyIds = counties.Select(c => c.Id).ToHashSet();
            var province = source.Province;
            writer.Insert([new Province
            {
                Id = Shift(province.Id, source.MaxId.Province), Name = $"样本省{r:00}", NamePinyin = $"Yangben Sheng {r:00}",
                Synthetic = true, SourceReference = _reference,
            }]);
            var prefectureIds = counties.Select(c => c.PrefectureId).ToHashSet();
            writer.Insert(source.Prefectures.Select((p, k) => (p, k)).Where(x => prefectureIds.Contains(x.p.Id)).Select(x => new Prefecture
            {
                Id = Shift(x.p.Id, source.MaxId.Prefecture), Name = $"样本地区{r:00}{x.k + 1:00}", NamePinyin = $"Yangben Diqu {r:00}{x.k + 1:00}",
                ProvinceId = Shift(x.p.ProvinceId, source.MaxId.Province), Synthetic = true, SourceReference = _reference,
            }).ToList());
            writer.Insert(counties.Select(c => new County
            {
                Id = Shift(c.Id, source.MaxId.County), Name = $"样本{Generic(c.Kind).Chinese}{r:00}{source.CountyPosition[c.Id]:000}",
                NamePinyin = $"Yangben {Generic(c.Kind).Pinyin} {r:00}{source.CountyPosition[c.Id]:000}", Kind = c.Kind,
                ContiguousArea = c.ContiguousArea, PrefectureId = Shift(c.PrefectureId, source.MaxId.Prefecture),
                ProvinceId = Shift(c.ProvinceId, source.MaxId.Province), Synthetic = true, SourceReference = _reference,
            }).ToList());

            var townships = source.Townships.Where(t => countyIds.Contains(t.CountyId)).ToList();
            writer.Insert(Townships(townships));
            var villages = Villages(source.Villages.Where(v => countyIds.Contains(v.CountyId)).ToList());
            writer.Insert(villages);

            var households = new List<Household>();
            var persons = new List<Person>();
            foreach (var (household, members) in source.Households)
                if (countyIds.Contains(household.CountyId)) Copy(household, members, households, persons);
            writer.Insert(households);
            writer.Insert(persons);
            return (villages.Count, households.Count, persons.Count);
        }

        private static (string Chinese, string Pinyin) Generic(CountyKind kind) => kind switch
        {
            CountyKind.City => ("市", "Shi"),
            CountyKind.District => ("区", "Qu"),
            _ => ("县", "Xian"),
        };

        private List<Township> Townships(List<Township> originals)
        {
            var taken = new HashSet<(int, string)>();
            return originals.Select(t =>
            {
                // Generated names end in 镇 or 乡; a 街道 (subdistrict) becomes a town.
                var kind = t.Kind == TownshipKind.Township ? TownshipKind.Township : TownshipKind.Town;
                string name;
                do name = _names.PlaceName() + (kind == TownshipKind.Township ? "乡" : "镇"); while (!taken.Add((t.CountyId, name)));
                return new Township
                {
                    Id = Shift(t.Id, source.MaxId.Township), Name = name, NamePinyin = PlaceNameReadings.Romanise(name), Kind = kind,
                    CountyId = Shift(t.CountyId, source.MaxId.County), PrefectureId = Shift(t.PrefectureId, source.MaxId.Prefecture),
                    ProvinceId = Shift(t.ProvinceId, source.MaxId.Province), Synthetic = true, SourceReference = _reference,
                };
            }).ToList();
        }

        private List<Village> Villages(List<Village> originals)
        {
            var taken = new HashSet<(int, string)>();
            return originals.Select(v =>
            {
                string name;
                do name = _names.PlaceName() + "村"; while (!taken.Add((v.TownshipId, name)));
                return new Village
                {
                    Id = Shift(v.Id, source.MaxId.Village), Name = name, NamePinyin = PlaceNameReadings.Romanise(name),
                    TownshipId = Shift(v.TownshipId, source.MaxId.Township), CountyId = Shift(v.CountyId, source.MaxId.County),
                    PrefectureId = Shift(v.PrefectureId, source.MaxId.Prefecture), ProvinceId = Shift(v.ProvinceId, source.MaxId.Province),
                    Registered = v.Registered, PlannedExitYear = v.PlannedExitYear,
                    Designations = v.Registered == true ? "REGISTERED_POOR_VILLAGE" : "",
                    Synthetic = true, SourceReference = _reference,
                };
            }).ToList();
        }

        private void Copy(Household h, IReadOnlyList<Person> members, List<Household> households, List<Person> persons)
        {
            var region = RegionCode(r, source.CountyPosition[h.CountyId]);
            var householdId = Shift(h.Id, source.MaxId.Household);
            // Members who share the head's surname keep sharing the replica head's (new) surname.
            var headSurname = NameFactory.SurnameOf(h.HeadName);
            var surname = _names.Surname();
            Person? head = null;
            foreach (var m in members)
            {
                var male = m.Gender == Gender.Male;
                var first17 = region + m.IdNumber.Substring(6, 11);
                var person = new Person
                {
                    Id = Shift(m.Id, source.MaxId.Person), HouseholdId = householdId,
                    Name = (NameFactory.SurnameOf(m.Name) == headSurname ? surname : _names.Surname()) + _names.GivenName(male),
                    IdNumber = first17 + IdentityNumbers.CheckCharacter(first17), Gender = m.Gender, BirthDate = m.BirthDate,
                    Relationship = m.Relationship, Synthetic = true, SourceReference = _reference,
                };
                if (m.Relationship == Relationship.Head && head == null) head = person;
                persons.Add(person);
            }
            households.Add(new Household
            {
                Id = householdId, VillageId = Shift(h.VillageId, source.MaxId.Village), TownshipId = Shift(h.TownshipId, source.MaxId.Township),
                CountyId = Shift(h.CountyId, source.MaxId.County), PrefectureId = Shift(h.PrefectureId, source.MaxId.Prefecture),
                ProvinceId = Shift(h.ProvinceId, source.MaxId.Province), MemberCount = h.MemberCount, Type = h.Type,
                PrimaryCause = h.PrimaryCause, PrimaryMeasure = h.PrimaryMeasure, HasLaborCapacity = h.HasLaborCapacity,
                Relocated = h.Relocated, RegisteredYear = h.RegisteredYear, PlannedExitYear = h.PlannedExitYear,
                AnnualIncomePerCapita = h.AnnualIncomePerCapita, HeadName = head?.Name ?? "", HeadIdNumber = head?.IdNumber ?? "",
                Phone = "100" + _rng.Next(10_000_000, 100_000_000), CellKey = _rng.Next(1 << 24),
                Synthetic = true, SourceReference = _reference,
            });
        }
    }
}
