using PovertyGraph.Domain;

namespace PovertyGraph.Data.Import;

/// <summary>
/// Fills the denormalised geography columns (a village's county, prefecture and province…) from its
/// parent, whether the parent is already in the database or earlier in the same import.
/// </summary>
internal sealed class GeographyIndex
{
    private readonly Dictionary<int, int> _prefectureProvince = new();
    private readonly Dictionary<int, (int Prefecture, int Province)> _county = new();
    private readonly Dictionary<int, (int County, int Prefecture, int Province)> _township = new();

    public static GeographyIndex Load(PovertyGraphDbContext db)
    {
        var index = new GeographyIndex();
        foreach (var p in db.Prefectures.Select(p => new { p.Id, p.ProvinceId })) index._prefectureProvince[p.Id] = p.ProvinceId;
        foreach (var c in db.Counties.Select(c => new { c.Id, c.PrefectureId, c.ProvinceId })) index._county[c.Id] = (c.PrefectureId, c.ProvinceId);
        foreach (var t in db.Townships.Select(t => new { t.Id, t.CountyId, t.PrefectureId, t.ProvinceId })) index._township[t.Id] = (t.CountyId, t.PrefectureId, t.ProvinceId);
        return index;
    }

    public static IReadOnlySet<string> DerivedProperties(Type entity) => entity.Name switch
    {
        nameof(County) => new HashSet<string> { nameof(County.ProvinceId) },
        nameof(Township) => new HashSet<string> { nameof(Township.PrefectureId), nameof(Township.ProvinceId) },
        nameof(Village) => new HashSet<string> { nameof(Village.CountyId), nameof(Village.PrefectureId), nameof(Village.ProvinceId) },
        _ => new HashSet<string>(),
    };

    /// <summary>Sets the derived columns and records the row as a parent for later rows; returns an error or null.</summary>
    public string? Derive(object entity)
    {
        switch (entity)
        {
            case Prefecture p:
                _prefectureProvince[p.Id] = p.ProvinceId;
                return null;
            case County c:
                if (!_prefectureProvince.TryGetValue(c.PrefectureId, out var province)) return $"'prefectureId' {c.PrefectureId} has no province";
                c.ProvinceId = province;
                _county[c.Id] = (c.PrefectureId, province);
                return null;
            case Township t:
                if (!_county.TryGetValue(t.CountyId, out var county)) return $"'countyId' {t.CountyId} has no prefecture";
                (t.PrefectureId, t.ProvinceId) = county;
                _township[t.Id] = (t.CountyId, county.Prefecture, county.Province);
                return null;
            case Village v:
                if (!_township.TryGetValue(v.TownshipId, out var township)) return $"'townshipId' {v.TownshipId} has no county";
                (v.CountyId, v.PrefectureId, v.ProvinceId) = township;
                return null;
            default:
                return null;
        }
    }
}
