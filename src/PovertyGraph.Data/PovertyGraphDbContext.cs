using Microsoft.EntityFrameworkCore;
using PovertyGraph.Domain;

namespace PovertyGraph.Data;

/// <summary>The one model. Provider-specific subclasses exist only so each provider keeps its own migrations.</summary>
public abstract class PovertyGraphDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SourceDocument> SourceDocuments => Set<SourceDocument>();
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Prefecture> Prefectures => Set<Prefecture>();
    public DbSet<County> Counties => Set<County>();
    public DbSet<Township> Townships => Set<Township>();
    public DbSet<Village> Villages => Set<Village>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<FundingSource> FundingSources => Set<FundingSource>();
    public DbSet<FundingAllocation> FundingAllocations => Set<FundingAllocation>();
    public DbSet<PlanTarget> PlanTargets => Set<PlanTarget>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationVillage> OrganizationVillages => Set<OrganizationVillage>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DatasetInfo> DatasetInfo => Set<DatasetInfo>();
    public DbSet<DatasetChange> DatasetChanges => Set<DatasetChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PovertyGraphDbContext).Assembly);
        SqlJson.Map(modelBuilder, Database.ProviderName);
    }
}
