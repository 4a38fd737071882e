using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Panah.Data.Entities;

namespace Panah.Data.Food;

internal sealed class PdmSampleConfiguration : IEntityTypeConfiguration<PdmSample>
{
    public void Configure(EntityTypeBuilder<PdmSample> e)
    {
        // One sample per cycle: drawing again would let someone pick the sample they like.
        e.HasIndex(x => x.CycleId).IsUnique();
        e.Property(x => x.DrawnBy).HasMaxLength(100);
        e.HasOne<DistributionCycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Households).WithOne().HasForeignKey(x => x.SampleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PdmSampleHouseholdConfiguration : IEntityTypeConfiguration<PdmSampleHousehold>
{
    public void Configure(EntityTypeBuilder<PdmSampleHousehold> e)
    {
        e.HasKey(x => new { x.SampleId, x.HouseholdId });
        e.HasIndex(x => x.HouseholdId);
        e.HasOne<HouseholdRecord>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PdmSurveyConfiguration : IEntityTypeConfiguration<PdmSurvey>
{
    public void Configure(EntityTypeBuilder<PdmSurvey> e)
    {
        // One survey per sampled household: a second one (a retried import) is refused by the database too.
        e.HasIndex(x => new { x.SampleId, x.HouseholdId }).IsUnique();
        e.HasIndex(x => x.CycleId);
        e.HasIndex(x => x.HouseholdId);
        e.Property(x => x.EnumeratorId).HasMaxLength(100);
        e.HasOne<PdmSample>().WithMany().HasForeignKey(x => x.SampleId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<HouseholdRecord>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<DataKey>().WithMany().HasForeignKey(x => x.DataKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}
