using Microsoft.EntityFrameworkCore;
using Panah.Data.Retention;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
}
