namespace PovertyGraph.Domain;

/// <summary>County-level division kind: 县, 县级市, 市辖区.</summary>
public enum CountyKind { County = 1, City = 2, District = 3 }

/// <summary>Township-level division kind: 镇, 乡, 街道.</summary>
public enum TownshipKind { Town = 1, Township = 2, Subdistrict = 3 }

/// <summary>Jilin's two provincial contiguous poverty areas (003).</summary>
public enum ContiguousArea { WestAridSaline = 1, EastAlpineMountain = 2 }

/// <summary>Level of a region named by a plan target.</summary>
public enum RegionLevel { Country = 1, Province = 2, Prefecture = 3, County = 4, Township = 5, Village = 6 }
