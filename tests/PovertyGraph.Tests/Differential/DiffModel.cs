namespace PovertyGraph.Tests.Differential;

// The test's own picture of the API: which fields, relations and groupBy dimensions each type has, and the rows
// behind them, read straight from the server's database (SQLite or PostgreSQL, through TestDatabase). Nothing here
// calls the product's machinery; the declarations are written from API.md and schema/schema.graphql.

internal enum FieldKind { String, Int, Bool, Enum, Money, Id }

/// <summary>A scalar field: its GraphQL name, its column, and what the API lets one do with it.</summary>
internal sealed record FieldSpec(string Name, string Column, FieldKind Kind, bool Nullable,
    string[]? EnumNames = null, bool Filter = true, bool Sort = true, bool Aggregate = false, bool Protected = false);

/// <summary>A to-one relation through a foreign-key column of this row.</summary>
internal sealed record ToOneSpec(string Name, string FkColumn, string Target);

/// <summary>A to-many relation: rows of <paramref name="Target"/> whose <paramref name="ChildFkColumn"/> is this row's id.</summary>
internal sealed record ToManySpec(string Name, string Target, string ChildFkColumn);

internal enum DimKind { Entity, Enum, Int, Bool }

/// <summary>A groupBy dimension: a column reached through zero or more to-one relations.</summary>
internal sealed record DimSpec(string Name, string KeyField, string[] Path, string Column, DimKind Kind,
    string? Entity = null, string[]? EnumNames = null, bool Protected = false);

internal sealed class Row(int id, Dictionary<string, object?> columns)
{
    public int Id { get; } = id;
    public object? this[string column] => columns[column];
    public long? Long(string column) => columns[column] switch { null => null, long l => l, var v => Convert.ToInt64(v) };
    public string? String(string column) => (string?)columns[column];
}

internal sealed class TypeSpec
{
    public required string Name { get; init; }
    public required string Table { get; init; }
    /// <summary>Root query field, or null (Person).</summary>
    public string? Root { get; init; }
    public List<FieldSpec> Fields { get; } = [];
    public List<ToOneSpec> ToOne { get; } = [];
    public List<ToManySpec> ToMany { get; } = [];
    public List<DimSpec> Dims { get; } = [];
    public List<Row> Rows { get; set; } = [];
    public Dictionary<int, Row> ById { get; set; } = [];
    /// <summary>Household and Person aggregates may be perturbed for callers without exact-statistics rights.</summary>
    public bool ProtectedAggregates { get; init; }

    public IEnumerable<FieldSpec> Numeric => Fields.Where(f => f.Aggregate);
    public FieldSpec IdField => Fields[0];

    public TypeSpec F(string name, string column, FieldKind kind, bool nullable = false, string[]? enums = null,
        bool filter = true, bool sort = true, bool aggregate = false, bool isProtected = false)
    {
        Fields.Add(new FieldSpec(name, column, kind, nullable, enums, filter, sort, aggregate, isProtected));
        return this;
    }

    public TypeSpec One(string name, string fk, string target) { ToOne.Add(new ToOneSpec(name, fk, target)); return this; }
    public TypeSpec Many(string name, string target, string childFk) { ToMany.Add(new ToManySpec(name, target, childFk)); return this; }

    public TypeSpec Dim(string name, string keyField, string column, DimKind kind, string? entity = null, string[]? enums = null,
        string[]? path = null, bool isProtected = false)
    {
        Dims.Add(new DimSpec(name, keyField, path ?? [], column, kind, entity, enums, isProtected));
        return this;
    }
}

internal static class Enums
{
    public static readonly string[] CountyKind = ["COUNTY", "CITY", "DISTRICT"];
    public static readonly string[] ContiguousArea = ["WEST_ARID_SALINE", "EAST_ALPINE_MOUNTAIN"];
    public static readonly string[] TownshipKind = ["TOWN", "TOWNSHIP", "SUBDISTRICT"];
    public static readonly string[] RegionLevel = ["COUNTRY", "PROVINCE", "PREFECTURE", "COUNTY", "TOWNSHIP", "VILLAGE"];
    public static readonly string[] HouseholdType = ["LOW_INCOME_GUARANTEE", "FIVE_GUARANTEES", "GENERAL"];
    public static readonly string[] PovertyCause = ["ILLNESS", "DISABILITY", "EDUCATION", "DISASTER", "LACK_OF_LAND", "LACK_OF_SKILLS", "LACK_OF_LABOR", "LACK_OF_CAPITAL", "LACK_OF_MOTIVATION", "OTHER"];
    public static readonly string[] AssistanceMeasure = ["PRODUCTION", "ECOLOGY", "EDUCATION", "HEALTH", "SOCIAL_SECURITY", "CASE_BY_CASE"];
    public static readonly string[] Gender = ["MALE", "FEMALE"];
    public static readonly string[] Relationship = ["HEAD", "SPOUSE", "CHILD", "PARENT", "GRANDCHILD", "SIBLING", "CHILD_IN_LAW", "OTHER"];
    public static readonly string[] ProjectCategory = ["PLANTING", "LIVESTOCK", "PROCESSING", "PHOTOVOLTAIC", "RURAL_TOURISM", "E_COMMERCE", "EDUCATION", "HEALTH", "SOCIAL_SECURITY", "INFRASTRUCTURE", "RELOCATION", "ECOLOGY", "EMPLOYMENT", "FINANCE", "OTHER"];
    public static readonly string[] ProjectKind = ["PROJECT", "PROGRAMME"];
    public static readonly string[] ProjectStatus = ["PLANNED", "IN_PROGRESS", "COMPLETED"];
    public static readonly string[] FundingLevel = ["CENTRAL", "PROVINCIAL", "PREFECTURE", "COUNTY", "FINANCIAL", "ENTERPRISE", "SOCIAL"];
    public static readonly string[] FundingKind = ["FISCAL_SPECIAL", "FISCAL_OTHER", "LOAN", "SELF_RAISED", "DONATION", "OTHER"];
    public static readonly string[] TargetAttribute = ["BINDING", "EXPECTED"];

    /// <summary>Enum values are stored as their 1-based declaration index.</summary>
    public static string Name(string[] names, long value) => names[value - 1];
}

/// <summary>All types, their rows and the child lists of every to-many relation.</summary>
internal sealed class Catalog
{
    public Dictionary<string, TypeSpec> Types { get; } = [];
    private readonly Dictionary<(string Type, string Relation), Dictionary<int, List<Row>>> _children = [];

    public TypeSpec this[string name] => Types[name];

    public Row? Follow(Row row, TypeSpec type, ToOneSpec relation) =>
        row.Long(relation.FkColumn) is { } fk && Types[relation.Target].ById.TryGetValue((int)fk, out var target) ? target : null;

    public IReadOnlyList<Row> Children(TypeSpec type, ToManySpec relation, Row parent) =>
        _children[(type.Name, relation.Name)].TryGetValue(parent.Id, out var list) ? list : [];

    /// <summary>Value of a dimension for a row (enum, flag and year as integers; places as their row id).</summary>
    public long? DimValue(TypeSpec type, DimSpec dim, Row row)
    {
        var current = row;
        var currentType = type;
        foreach (var step in dim.Path)
        {
            var relation = currentType.ToOne.Single(r => r.Name == step);
            current = Follow(current, currentType, relation);
            if (current == null) return null;
            currentType = Types[relation.Target];
        }
        return current.Long(dim.Column);
    }

    public static Catalog Load(TestDatabase database)
    {
        var catalog = Declare();
        using var connection = database.Open();
        foreach (var type in catalog.Types.Values)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{type.Table}\"";
            using var reader = command.ExecuteReader();
            var rows = new List<Row>();
            while (reader.Read())
            {
                var columns = new Dictionary<string, object?>(reader.FieldCount);
                for (var i = 0; i < reader.FieldCount; i++)
                    columns[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(new Row(Convert.ToInt32(columns["Id"]), columns));
            }
            type.Rows = rows.OrderBy(r => r.Id).ToList();
            type.ById = type.Rows.ToDictionary(r => r.Id);
        }
        foreach (var type in catalog.Types.Values)
        {
            foreach (var relation in type.ToMany)
            {
                catalog._children[(type.Name, relation.Name)] = catalog.Types[relation.Target].Rows
                    .Where(r => r.Long(relation.ChildFkColumn) != null)
                    .GroupBy(r => (int)r.Long(relation.ChildFkColumn)!.Value)
                    .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Id).ToList());
            }
        }

        return catalog;
    }

    private static Catalog Declare()
    {
        var c = new Catalog();
        TypeSpec T(string name, string table, string? root, bool protectedAggregates = false)
        {
            var t = new TypeSpec { Name = name, Table = table, Root = root, ProtectedAggregates = protectedAggregates };
            t.F("id", "Id", FieldKind.Id, sort: false);
            c.Types[name] = t;
            return t;
        }

        T("Province", "Provinces", "provinces")
            .F("name", "Name", FieldKind.String).F("code", "Code", FieldKind.String, nullable: true)
            .Many("prefectures", "Prefecture", "ProvinceId");
        T("Prefecture", "Prefectures", "prefectures")
            .F("name", "Name", FieldKind.String).F("code", "Code", FieldKind.String, nullable: true)
            .One("province", "ProvinceId", "Province")
            .Many("counties", "County", "PrefectureId")
            .Dim("PROVINCE", "province", "ProvinceId", DimKind.Entity, "Province");
        T("County", "Counties", "counties")
            .F("name", "Name", FieldKind.String).F("code", "Code", FieldKind.String, nullable: true)
            .F("kind", "Kind", FieldKind.Enum, enums: Enums.CountyKind)
            .F("contiguousArea", "ContiguousArea", FieldKind.Enum, nullable: true, enums: Enums.ContiguousArea)
            .F("nationalContiguousArea", "NationalContiguousArea", FieldKind.String, nullable: true)
            .One("prefecture", "PrefectureId", "Prefecture").One("province", "ProvinceId", "Province")
            .Many("townships", "Township", "CountyId").Many("villages", "Village", "CountyId")
            .Dim("PROVINCE", "province", "ProvinceId", DimKind.Entity, "Province")
            .Dim("PREFECTURE", "prefecture", "PrefectureId", DimKind.Entity, "Prefecture")
            .Dim("KIND", "kind", "Kind", DimKind.Enum, enums: Enums.CountyKind)
            .Dim("CONTIGUOUS_AREA", "contiguousArea", "ContiguousArea", DimKind.Enum, enums: Enums.ContiguousArea);
        T("Township", "Townships", "townships")
            .F("name", "Name", FieldKind.String).F("code", "Code", FieldKind.String, nullable: true)
            .F("kind", "Kind", FieldKind.Enum, enums: Enums.TownshipKind)
            .One("county", "CountyId", "County").One("prefecture", "PrefectureId", "Prefecture").One("province", "ProvinceId", "Province")
            .Many("villages", "Village", "TownshipId")
            .Dim("PROVINCE", "province", "ProvinceId", DimKind.Entity, "Province")
            .Dim("PREFECTURE", "prefecture", "PrefectureId", DimKind.Entity, "Prefecture")
            .Dim("COUNTY", "county", "CountyId", DimKind.Entity, "County")
            .Dim("KIND", "kind", "Kind", DimKind.Enum, enums: Enums.TownshipKind);
        T("Village", "Villages", "villages")
            .F("name", "Name", FieldKind.String)
            .F("registered", "Registered", FieldKind.Bool, nullable: true)
            .F("provincialLevel", "ProvincialLevel", FieldKind.Bool)
            .F("plannedExitYear", "PlannedExitYear", FieldKind.Int, nullable: true, aggregate: true)
            .F("designations", "Designations", FieldKind.String)
            .One("township", "TownshipId", "Township").One("county", "CountyId", "County")
            .One("prefecture", "PrefectureId", "Prefecture").One("province", "ProvinceId", "Province")
            .Many("households", "Household", "VillageId").Many("projects", "Project", "VillageId")
            .Dim("PROVINCE", "province", "ProvinceId", DimKind.Entity, "Province")
            .Dim("PREFECTURE", "prefecture", "PrefectureId", DimKind.Entity, "Prefecture")
            .Dim("COUNTY", "county", "CountyId", DimKind.Entity, "County")
            .Dim("TOWNSHIP", "township", "TownshipId", DimKind.Entity, "Township")
            .Dim("PLANNED_EXIT_YEAR", "plannedExitYear", "PlannedExitYear", DimKind.Int)
            .Dim("REGISTERED", "registered", "Registered", DimKind.Bool)
            .Dim("PROVINCIAL_LEVEL", "provincialLevel", "ProvincialLevel", DimKind.Bool)
            .Dim("CONTIGUOUS_AREA", "contiguousArea", "ContiguousArea", DimKind.Enum, enums: Enums.ContiguousArea, path: ["county"]);
        T("Household", "Households", "households", protectedAggregates: true)
            .F("memberCount", "MemberCount", FieldKind.Int, aggregate: true)
            .F("type", "Type", FieldKind.Enum, enums: Enums.HouseholdType)
            .F("primaryCause", "PrimaryCause", FieldKind.Enum, enums: Enums.PovertyCause, isProtected: true)
            .F("primaryMeasure", "PrimaryMeasure", FieldKind.Enum, nullable: true, enums: Enums.AssistanceMeasure)
            .F("hasLaborCapacity", "HasLaborCapacity", FieldKind.Bool)
            .F("relocated", "Relocated", FieldKind.Bool)
            .F("registeredYear", "RegisteredYear", FieldKind.Int, aggregate: true)
            .F("plannedExitYear", "PlannedExitYear", FieldKind.Int, aggregate: true)
            .F("annualIncomePerCapita", "AnnualIncomePerCapita", FieldKind.Money, aggregate: true, isProtected: true)
            .One("village", "VillageId", "Village").One("township", "TownshipId", "Township").One("county", "CountyId", "County")
            .One("prefecture", "PrefectureId", "Prefecture").One("province", "ProvinceId", "Province")
            .Many("members", "Person", "HouseholdId")
            .Dim("PROVINCE", "province", "ProvinceId", DimKind.Entity, "Province")
            .Dim("PREFECTURE", "prefecture", "PrefectureId", DimKind.Entity, "Prefecture")
            .Dim("COUNTY", "county", "CountyId", DimKind.Entity, "County")
            .Dim("TOWNSHIP", "township", "TownshipId", DimKind.Entity, "Township")
            .Dim("VILLAGE", "village", "VillageId", DimKind.Entity, "Village")
            .Dim("TYPE", "type", "Type", DimKind.Enum, enums: Enums.HouseholdType)
            .Dim("PRIMARY_CAUSE", "primaryCause", "PrimaryCause", DimKind.Enum, enums: Enums.PovertyCause, isProtected: true)
            .Dim("PRIMARY_MEASURE", "primaryMeasure", "PrimaryMeasure", DimKind.Enum, enums: Enums.AssistanceMeasure)
            .Dim("HAS_LABOR_CAPACITY", "hasLaborCapacity", "HasLaborCapacity", DimKind.Bool)
            .Dim("RELOCATED", "relocated", "Relocated", DimKind.Bool)
            .Dim("REGISTERED_YEAR", "registeredYear", "RegisteredYear", DimKind.Int)
            .Dim("PLANNED_EXIT_YEAR", "plannedExitYear", "PlannedExitYear", DimKind.Int);
        T("Person", "Persons", null, protectedAggregates: true)
            .F("gender", "Gender", FieldKind.Enum, enums: Enums.Gender)
            .F("relationship", "Relationship", FieldKind.Enum, enums: Enums.Relationship)
            .One("household", "HouseholdId", "Household");
        T("Project", "Projects", "projects")
            .F("name", "Name", FieldKind.String)
            .F("category", "Category", FieldKind.Enum, enums: Enums.ProjectCategory)
            .F("kind", "Kind", FieldKind.Enum, enums: Enums.ProjectKind)
            .F("status", "Status", FieldKind.Enum, enums: Enums.ProjectStatus)
            .F("startYear", "StartYear", FieldKind.Int, aggregate: true)
            .F("endYear", "EndYear", FieldKind.Int, aggregate: true)
            .F("budget", "Budget", FieldKind.Money, aggregate: true)
            .One("village", "VillageId", "Village").One("county", "CountyId", "County")
            .One("prefecture", "PrefectureId", "Prefecture").One("province", "ProvinceId", "Province")
            .Many("allocations", "FundingAllocation", "ProjectId")
            .Dim("PROVINCE", "province", "ProvinceId", DimKind.Entity, "Province")
            .Dim("PREFECTURE", "prefecture", "PrefectureId", DimKind.Entity, "Prefecture")
            .Dim("COUNTY", "county", "CountyId", DimKind.Entity, "County")
            .Dim("VILLAGE", "village", "VillageId", DimKind.Entity, "Village")
            .Dim("CATEGORY", "category", "Category", DimKind.Enum, enums: Enums.ProjectCategory)
            .Dim("KIND", "kind", "Kind", DimKind.Enum, enums: Enums.ProjectKind)
            .Dim("STATUS", "status", "Status", DimKind.Enum, enums: Enums.ProjectStatus)
            .Dim("START_YEAR", "startYear", "StartYear", DimKind.Int);
        T("FundingSource", "FundingSources", "fundingSources")
            .F("name", "Name", FieldKind.String)
            .F("level", "Level", FieldKind.Enum, enums: Enums.FundingLevel)
            .F("kind", "Kind", FieldKind.Enum, enums: Enums.FundingKind)
            .Many("allocations", "FundingAllocation", "SourceId")
            .Dim("LEVEL", "level", "Level", DimKind.Enum, enums: Enums.FundingLevel)
            .Dim("KIND", "kind", "Kind", DimKind.Enum, enums: Enums.FundingKind);
        T("FundingAllocation", "FundingAllocations", "fundingAllocations")
            .F("year", "Year", FieldKind.Int, aggregate: true)
            .F("amount", "Amount", FieldKind.Money, aggregate: true)
            .One("project", "ProjectId", "Project").One("source", "SourceId", "FundingSource")
            .Dim("SOURCE", "source", "SourceId", DimKind.Entity, "FundingSource")
            .Dim("SOURCE_LEVEL", "sourceLevel", "Level", DimKind.Enum, enums: Enums.FundingLevel, path: ["source"])
            .Dim("YEAR", "year", "Year", DimKind.Int)
            .Dim("CATEGORY", "category", "Category", DimKind.Enum, enums: Enums.ProjectCategory, path: ["project"])
            .Dim("PROJECT_KIND", "projectKind", "Kind", DimKind.Enum, enums: Enums.ProjectKind, path: ["project"])
            .Dim("PROJECT", "project", "ProjectId", DimKind.Entity, "Project")
            .Dim("COUNTY", "county", "CountyId", DimKind.Entity, "County", path: ["project"])
            .Dim("PREFECTURE", "prefecture", "PrefectureId", DimKind.Entity, "Prefecture", path: ["project"])
            .Dim("PROVINCE", "province", "ProvinceId", DimKind.Entity, "Province", path: ["project"]);
        T("PlanTarget", "PlanTargets", "planTargets")
            .F("regionLevel", "RegionLevel", FieldKind.Enum, enums: Enums.RegionLevel)
            .F("region", "Region", FieldKind.String)
            .F("indicator", "Indicator", FieldKind.String)
            .F("unit", "Unit", FieldKind.String)
            .F("year", "Year", FieldKind.Int, aggregate: true)
            .F("valueText", "ValueText", FieldKind.String)
            .F("attribute", "Attribute", FieldKind.Enum, nullable: true, enums: Enums.TargetAttribute)
            .F("agency", "Agency", FieldKind.String, nullable: true)
            .Dim("REGION_LEVEL", "regionLevel", "RegionLevel", DimKind.Enum, enums: Enums.RegionLevel)
            .Dim("YEAR", "year", "Year", DimKind.Int)
            .Dim("ATTRIBUTE", "attribute", "Attribute", DimKind.Enum, enums: Enums.TargetAttribute);
        return c;
    }
}
