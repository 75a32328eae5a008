using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PovertyGraph.Domain;

namespace PovertyGraph.Data.Import;

/// <summary>
/// Loads a folder of CSV files in the seed-data format. Every row of every file is validated first
/// (types, enums, required values, duplicate and foreign keys, provenance); any error rejects the whole
/// import and nothing is written. Valid folders are written in one transaction.
/// </summary>
public sealed class SeedImporter(PovertyGraphDbContext db)
{
    /// <summary>Files that belong to the format but fill no table (the generator's published totals).</summary>
    public static readonly string[] NonEntityFiles = ["published_totals.csv"];

    private static readonly string[] ProvenanceColumns = ["source", "reference", "synthetic", "syntheticFields"];
    /// <summary>Required text columns that may not be empty either (other required text may be "").</summary>
    private static readonly string[] NonEmptyTextColumns = ["id", "key", "name", "namePinyin", "title"];
    private static readonly NullabilityInfoContext Nullability = new();

    public sealed record Summary(IReadOnlyDictionary<string, int> RowsByFile)
    {
        public int Total => RowsByFile.Values.Sum();
    }

    /// <param name="progress">Told after each file's rows are written (still inside the transaction): "counties.csv: 1 rows".</param>
    public Summary Import(string folder, Action<string>? progress = null)
    {
        var (rows, errors) = Validate(folder);
        if (errors.Count > 0) throw new ImportException(errors);
        db.Database.OpenConnection();
        try
        {
            using var tx = db.Database.BeginTransaction();
            var before = DatasetChangelog.Take(db);
            var summary = Write(rows, new BulkWriter(db, tx.GetDbTransaction()), progress);
            DatasetVersioning.Bump(db);
            DatasetChangelog.Record(db, "import", before);
            tx.Commit();
            return summary;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    /// <summary>Writes validated rows through the caller's transaction, telling <paramref name="progress"/> after each file.</summary>
    public Summary Write(Dictionary<string, List<object>> rows, BulkWriter writer, Action<string>? progress = null)
    {
        var counts = new Dictionary<string, int>();
        foreach (var table in SeedTables.All.Where(t => rows.ContainsKey(t.File)))
        {
            var insert = typeof(BulkWriter).GetMethod(nameof(BulkWriter.Insert))!.MakeGenericMethod(table.Entity);
            var typed = typeof(Enumerable).GetMethod(nameof(Enumerable.Cast))!.MakeGenericMethod(table.Entity).Invoke(null, [rows[table.File]]);
            // Unwrapped, so a refusal by the database reaches the caller as the database's own exception.
            counts[table.File] = (int)insert.Invoke(writer, BindingFlags.DoNotWrapExceptions, null, [typed], null)!;
            progress?.Invoke($"{table.File}: {counts[table.File]} rows");
        }
        return new Summary(counts);
    }

    /// <summary>Parses and checks every file; returns the entities, or the errors.</summary>
    public (Dictionary<string, List<object>> Rows, List<ImportError> Errors) Validate(string folder)
    {
        var errors = new List<ImportError>();
        var result = new Dictionary<string, List<object>>();
        if (!Directory.Exists(folder))
        {
            errors.Add(new(folder, 0, "folder not found"));
            return (result, errors);
        }
        var known = SeedTables.All.Select(t => t.File).Concat(NonEntityFiles).ToHashSet();
        foreach (var file in Directory.GetFiles(folder, "*.csv").Select(Path.GetFileName).Order())
            if (!known.Contains(file!)) errors.Add(new(file!, 1, $"unknown file; expected one of {string.Join(", ", known.Order())}"));

        var keys = new Dictionary<string, HashSet<string>>();
        var geo = GeographyIndex.Load(db);
        foreach (var table in SeedTables.All)
        {
            keys[table.File] = ExistingKeys(table);
            var path = Path.Combine(folder, table.File);
            if (!File.Exists(path)) continue;
            var list = new List<object>();
            result[table.File] = list;
            ReadTable(table, path, list, keys, geo, errors);
        }
        return (result, errors);
    }

    private void ReadTable(SeedTable table, string path, List<object> list, Dictionary<string, HashSet<string>> keys,
        GeographyIndex geo, List<ImportError> errors)
    {
        var file = table.File;
        List<CsvReader.Record> records;
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
            records = CsvReader.Read(reader).ToList();
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException or IOException)
        {
            errors.Add(new(file, 1, e.Message));
            return;
        }
        if (records.Count == 0) { errors.Add(new(file, 1, "empty file: a header row is required")); return; }

        var header = records[0].Fields;
        var columns = new PropertyInfo?[header.Length];
        var headerOk = true;
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (table.HasProvenance && ProvenanceColumns.Contains(name)) continue;
            if (name.Length == 0)
            {
                errors.Add(new(file, 1, $"column {i + 1} has no name"));
                headerOk = false;
                continue;
            }
            columns[i] = table.Entity.GetProperty(char.ToUpperInvariant(name[0]) + name[1..], BindingFlags.Public | BindingFlags.Instance);
            if (columns[i] == null || !IsScalar(columns[i]!.PropertyType))
            {
                errors.Add(new(file, 1, $"unknown column '{name}'"));
                headerOk = false;
            }
        }
        foreach (var required in RequiredColumns(table).Where(c => !header.Contains(c)))
        {
            errors.Add(new(file, 1, $"missing column '{required}'"));
            headerOk = false;
        }
        if (!headerOk) return;

        var seen = keys[file];
        foreach (var record in records.Skip(1))
        {
            var line = record.Line;
            if (record.Fields.Length == 1 && record.Fields[0].Length == 0) continue; // blank line
            if (record.Fields.Length != header.Length)
            {
                errors.Add(new(file, line, $"expected {header.Length} fields, found {record.Fields.Length}"));
                continue;
            }
            var entity = Activator.CreateInstance(table.Entity)!;
            var rowOk = true;
            for (var i = 0; i < header.Length; i++)
            {
                var text = record.Fields[i].Trim();
                var error = columns[i] is { } property
                    ? SetValue(entity, property, header[i], text)
                    : SetProvenance((SourcedEntity)entity, header[i], text, keys["source_documents.csv"]);
                if (error != null) { errors.Add(new(file, line, error)); rowOk = false; }
            }
            if (!rowOk) continue;
            if (table.HasProvenance && entity is SourcedEntity sourced && sourced.SourceDocumentId == null && !sourced.Synthetic)
            {
                errors.Add(new(file, line, "provenance missing: a row that is not synthetic needs a source document"));
                continue;
            }
            foreach (var fk in table.ForeignKeys)
            {
                var raw = table.Entity.GetProperty(Pascal(fk.Column))!.GetValue(entity);
                var value = raw == null ? null : Convert.ToString(raw, CultureInfo.InvariantCulture);
                if (value == null) { if (!fk.Optional) { errors.Add(new(file, line, $"'{fk.Column}' is required")); rowOk = false; } continue; }
                if (!keys[fk.Target].Contains(value))
                {
                    errors.Add(new(file, line, $"'{fk.Column}' {value} does not exist in {fk.Target}"));
                    rowOk = false;
                }
            }
            if (!rowOk) continue;
            // Keys compare as parsed values ("08" is 8), the same way the database stores them.
            var key = KeyOf(entity);
            if (!seen.Add(key))
            {
                errors.Add(new(file, line, $"duplicate key {(entity is OrganizationVillage ? "" : "id ")}{key}"));
                continue;
            }
            var derivationError = geo.Derive(entity);
            if (derivationError != null) { errors.Add(new(file, line, derivationError)); continue; }
            list.Add(entity);
        }
    }

    private static string KeyOf(object entity) => entity switch
    {
        SourceDocument d => d.Id,
        OrganizationVillage ov => $"{ov.OrganizationId}|{ov.VillageId}",
        SourcedEntity e => e.Id.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"no key for {entity.GetType().Name}"),
    };

    private static IEnumerable<string> RequiredColumns(SeedTable table)
    {
        foreach (var p in table.Entity.GetProperties().Where(p => p.CanWrite && IsScalar(p.PropertyType)))
        {
            if (GeographyIndex.DerivedProperties(table.Entity).Contains(p.Name)) continue;
            if (typeof(SourcedEntity).GetProperty(p.Name) != null && p.Name != "Id") continue;
            if (table.Entity == typeof(Organization) || table.Entity == typeof(OrganizationVillage) || table.Entity == typeof(SourceDocument) || IsRequired(p))
                yield return char.ToLowerInvariant(p.Name[0]) + p.Name[1..];
        }
        if (table.HasProvenance) { yield return "source"; yield return "synthetic"; }
    }

    private static bool IsScalar(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly);
    }

    private static bool IsRequired(PropertyInfo p) =>
        p.PropertyType.IsValueType ? Nullable.GetUnderlyingType(p.PropertyType) == null
            : Nullability.Create(p).WriteState == NullabilityState.NotNull;

    private static string Pascal(string column) => char.ToUpperInvariant(column[0]) + column[1..];

    private static string? SetValue(object entity, PropertyInfo property, string column, string text)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (text.Length == 0)
        {
            if (IsRequired(property) && !(type == typeof(string) && !NonEmptyTextColumns.Contains(column)))
                return $"'{column}' is required";
            if (type == typeof(string) && IsRequired(property)) property.SetValue(entity, "");
            return null;
        }
        object? value;
        var ci = CultureInfo.InvariantCulture;
        if (type == typeof(string)) value = SeedTable.ListColumns.Contains(column) ? NormaliseList(text) : text;
        else if (type == typeof(int)) value = int.TryParse(text, NumberStyles.Integer, ci, out var i) ? i : null;
        else if (type == typeof(long)) value = long.TryParse(text, NumberStyles.Integer, ci, out var l) ? l : null;
        else if (type == typeof(decimal)) value = decimal.TryParse(text, NumberStyles.Number, ci, out var d) ? d : null;
        else if (type == typeof(bool)) value = text switch { "true" => true, "false" => false, _ => null };
        else if (type == typeof(DateOnly)) value = DateOnly.TryParseExact(text, "yyyy-MM-dd", ci, DateTimeStyles.None, out var date) ? date : null;
        else if (type.IsEnum) value = EnumNames.TryParse(type, text, out var e) ? e : null;
        else return $"'{column}': unsupported type {type.Name}";
        if (value == null)
        {
            var expected = type.IsEnum ? $"one of {EnumNames.Allowed(type)}"
                : type == typeof(bool) ? "true or false"
                : type == typeof(DateOnly) ? "a date yyyy-MM-dd"
                : type == typeof(decimal) ? "a number" : "an integer";
            return $"'{column}': '{text}' is not {expected}";
        }
        if (property.Name == "Designations")
        {
            foreach (var d in ((string)value).Split(','))
            {
                if (!EnumNames.TryParse(typeof(VillageDesignation), d, out _))
                    return $"'designations': '{d}' is not one of {EnumNames.Allowed(typeof(VillageDesignation))}";
            }
        }
        if (value is long money && money < 0) return $"'{column}': {money} is negative";
        property.SetValue(entity, value);
        return null;
    }

    private static string NormaliseList(string text) => string.Join(",", text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static string? SetProvenance(SourcedEntity entity, string column, string text, HashSet<string> documents)
    {
        switch (column)
        {
            case "source":
                if (text.Length == 0) return null;
                if (!documents.Contains(text)) return $"'source' {text} is not a known source document";
                entity.SourceDocumentId = text;
                return null;
            case "reference":
                entity.SourceReference = text.Length == 0 ? null : text;
                return null;
            case "synthetic":
                if (text is not ("true" or "false")) return $"'synthetic': '{text}' is not true or false";
                entity.Synthetic = text == "true";
                return null;
            default:
                entity.SyntheticFields = NormaliseList(text);
                return null;
        }
    }

    private HashSet<string> ExistingKeys(SeedTable table)
    {
        if (table.Entity == typeof(OrganizationVillage))
            return db.OrganizationVillages.Select(x => x.OrganizationId + "|" + x.VillageId).ToHashSet();
        if (table.Entity == typeof(SourceDocument))
            return db.SourceDocuments.Select(x => x.Id).ToHashSet();
        var set = (IQueryable<SourcedEntity>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
            .MakeGenericMethod(table.Entity).Invoke(db, null)!;
        return set.Select(x => x.Id).AsEnumerable().Select(i => i.ToString(CultureInfo.InvariantCulture)).ToHashSet();
    }
}
