using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;
using PovertyGraph.Data.Import;
using PovertyGraph.Server.Hosting;

namespace PovertyGraph.Server.Commands;

/// <summary><c>import &lt;folder&gt;</c>: validates a folder of seed-format CSVs and loads it all, or nothing.</summary>
public static class ImportCommand
{
    public static int Run(string[] args, IConfiguration configuration)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: import <folder-of-csv-files>");
            return 2;
        }
        var options = configuration.GetDatabaseOptions();
        var services = new ServiceCollection().AddPovertyGraphData(options).BuildServiceProvider();
        using var db = services.GetRequiredService<PrimaryDbContextFactory>().CreateDbContext();
        db.Database.Migrate();
        try
        {
            var summary = new SeedImporter(db).Import(Path.GetFullPath(args[1]));
            foreach (var (file, rows) in summary.RowsByFile) Console.WriteLine($"{file}: {rows} rows");
            Console.WriteLine($"imported {summary.Total} rows");
            return 0;
        }
        catch (ImportException e)
        {
            foreach (var error in e.Errors) Console.Error.WriteLine(error);
            Console.Error.WriteLine($"import rejected: {e.Errors.Count} error(s); nothing was written");
            return 1;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
        {
            // Validation should catch every bad row; if the database still refuses, the transaction rolled back.
            Console.Error.WriteLine($"import failed while writing: {e.GetBaseException().Message}; nothing was written");
            return 1;
        }
    }
}
