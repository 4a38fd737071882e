using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Panah.Data.Food;

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> e)
    {
        e.Property(x => x.Batch).HasMaxLength(StockLimits.MaxBatchLength);
        e.Property(x => x.Reference).HasMaxLength(StockLimits.MaxTextLength);
        e.Property(x => x.Reason).HasMaxLength(StockLimits.MaxTextLength);
        // The audit's actor id: an account, and the token it used ("user:… token:…").
        e.Property(x => x.By).HasMaxLength(200);
        // History pages a location's lines newest first; reconciliation finds a cycle's lines through its redemptions.
        e.HasIndex(x => new { x.LocationId, x.Id });
        e.HasIndex(x => x.OperationId);
        e.HasIndex(x => x.RedemptionId);
        e.HasOne<FoodLocation>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<FoodLocation>().WithMany().HasForeignKey(x => x.CounterpartLocationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Commodity>().WithMany().HasForeignKey(x => x.CommodityId).OnDelete(DeleteBehavior.Restrict);
        e.ToTable(t => t.HasCheckConstraint("CK_StockMovements_Packs", "\"Packs\" <> 0"));
    }
}

internal sealed class StockBalanceConfiguration : IEntityTypeConfiguration<StockBalance>
{
    public void Configure(EntityTypeBuilder<StockBalance> e)
    {
        e.HasKey(x => new { x.LocationId, x.CommodityId, x.Batch, x.Stripe });
        e.Property(x => x.Batch).HasMaxLength(StockLimits.MaxBatchLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<FoodLocation>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Commodity>().WithMany().HasForeignKey(x => x.CommodityId).OnDelete(DeleteBehavior.Restrict);
        // The last line of defence: whatever the code does, no balance is ever below zero.
        e.ToTable(t => t.HasCheckConstraint("CK_StockBalances_Quantity", "\"Quantity\" >= 0"));
    }
}

/// <summary>Lengths the forms, the API and the database agree on.</summary>
public static class StockLimits
{
    public const int MaxBatchLength = 40;
    public const int MaxTextLength = 200;

    /// <summary>One posting moves at most this many packs: a typing slip of extra zeros is refused, not booked.</summary>
    public const int MaxPacks = 1_000_000;
}
