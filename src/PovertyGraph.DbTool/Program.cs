// Design-time tool: scaffolds an EF Core migration for each provider. The dotnet-ef global tool is not
// available from the package registry here, so this calls EF's own design-time services directly.
// Usage: dotnet run --project src/PovertyGraph.DbTool -- add-migration <Name>
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.Data;

if (args.Length != 2 || args[0] != "add-migration")
{
    Console.Error.WriteLine("usage: add-migration <Name>");
    return 2;
}
// The providers' design-time services are internal EF API (EF1001); they are what `dotnet ef` itself uses to
// scaffold migrations, and this tool is run by hand only, pinned to the EF version of Directory.Packages.props.
#pragma warning disable EF1001
var dataProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../PovertyGraph.Data"));
Scaffold(new SqlitePovertyGraphDbContext(new DbContextOptionsBuilder<SqlitePovertyGraphDbContext>()
    .UseSqlite("Data Source=:memory:").Options), "Sqlite", new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices());
Scaffold(new PostgresPovertyGraphDbContext(new DbContextOptionsBuilder<PostgresPovertyGraphDbContext>()
    .UseNpgsql("Host=localhost").Options), "Postgres", new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices());
#pragma warning restore EF1001
return 0;

void Scaffold(DbContext context, string folder, IDesignTimeServices providerServices)
{
    var services = new ServiceCollection();
    services.AddEntityFrameworkDesignTimeServices();
    services.AddDbContextDesignTimeServices(context);
    providerServices.ConfigureDesignTimeServices(services);
    using var sp = services.BuildServiceProvider();
    var scaffolder = sp.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(args[1], "PovertyGraph.Data", "Migrations." + folder, "C#");
    var files = scaffolder.Save(dataProject, migration, Path.Combine(dataProject, "Migrations", folder));
    Console.WriteLine($"{folder}: {files.MigrationFile}");
}
