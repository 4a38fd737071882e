namespace Panah.Data.Food;

/// <summary>
/// Posts a redemption's packs out of its point's stock as distribution lines, earliest expiry first, on the
/// redemption's own transaction (the redemption opens it). Short stock refuses the redemption with
/// <see cref="StockShortageException"/>, unless <see cref="StockOptions.RequireStockForRedemption"/> is off: then
/// what the point holds is posted and the rest shows as a difference in the cycle's reconciliation.
/// </summary>
public sealed class StockRedemptionPosting(StockOptions options) : IRedemptionPosting
{
    public async Task PostAsync(PanahDbContext db, Redemption redemption, CancellationToken ct)
    {
        var operation = Guid.NewGuid();
        // From one stripe of the point's batches where one holds enough: collections at a busy point go side by side.
        var taken = await StockStripes.TakeAsync(
            db, redemption.LocationId, [.. redemption.Items.OrderBy(i => i.CommodityId).Select(i => (i.CommodityId, i.Packs))], options.Stripes,
            !options.RequireStockForRedemption, ct);
        db.StockMovements.AddRange(taken.OrderBy(t => t.Key).SelectMany(t => t.Value.Select(b => new StockMovement
        {
            OperationId = operation,
            Kind = StockMovementKind.Distribution,
            LocationId = redemption.LocationId,
            CommodityId = t.Key,
            Batch = b.Batch,
            ExpiresOn = b.ExpiresOn,
            Packs = -b.Packs,
            RedemptionId = redemption.Id,
            At = redemption.At,
            By = redemption.StaffUserId,
        })));
    }
}
