using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Imports;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<ImportedSubmission> ImportedSubmissions => Set<ImportedSubmission>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportJobRow> ImportJobRows => Set<ImportJobRow>();
    public DbSet<ImportMappingRecord> ImportMappings => Set<ImportMappingRecord>();

    /// <summary>An import job belongs to its field office: another office's job, and its report, is not there.</summary>
    private void ConfigureImportFilters(ModelBuilder builder)
    {
        builder.Entity<ImportJob>().HasQueryFilter(AccessScope.FilterName, j => Scope.AllOffices || Scope.OfficeIds.Contains(j.FieldOfficeId));
        builder.Entity<ImportJobRow>().HasQueryFilter(AccessScope.FilterName, r => Scope.AllOffices || Set<ImportJob>().Any(j => j.Id == r.JobId));
    }
}
