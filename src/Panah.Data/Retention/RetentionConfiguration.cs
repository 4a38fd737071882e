using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Panah.Data.Retention;

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> e)
    {
        e.ToTable("RetentionRuns");
        e.Property(x => x.RunBy).HasMaxLength(100);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> e)
    {
        e.ToTable("JobLeases");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(40);
        e.Property(x => x.Holder).HasMaxLength(64);
    }
}
