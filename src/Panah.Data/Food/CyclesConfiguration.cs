using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Panah.Data.Entities;

namespace Panah.Data.Food;

internal sealed class EntitlementAdjustmentConfiguration : IEntityTypeConfiguration<EntitlementAdjustment>
{
    public void Configure(EntityTypeBuilder<EntitlementAdjustment> e)
    {
        // At most one proposal waits per entitlement: a second check replaces nothing, it finds the one pending.
        e.HasIndex(x => new { x.EntitlementId, x.Status });
        e.HasIndex(x => new { x.CycleId, x.Status });
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Entitlement>().WithMany().HasForeignKey(x => x.EntitlementId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<DistributionCycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<HouseholdRecord>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.AdjustmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EntitlementAdjustmentItemConfiguration : IEntityTypeConfiguration<EntitlementAdjustmentItem>
{
    public void Configure(EntityTypeBuilder<EntitlementAdjustmentItem> e)
    {
        e.HasKey(x => new { x.AdjustmentId, x.CommodityId });
        e.HasOne<Commodity>().WithMany().HasForeignKey(x => x.CommodityId).OnDelete(DeleteBehavior.Restrict);
    }
}
