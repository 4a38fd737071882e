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
        foreach (var item in redemption.Items.OrderBy(i => i.CommodityId))
        {
            var taken = await StockBatches.TakeAsync(db, redemption.LocationId, item.CommodityId, null, item.Packs, !options.RequireStockForRedemption, ct);
            db.StockMovements.AddRange(taken.Select(t => new StockMovement
            {
                OperationId = operation,
                Kind = StockMovementKind.Distribution,
                LocationId = redemption.LocationId,
                CommodityId = item.CommodityId,
                Batch = t.Batch,
                ExpiresOn = t.ExpiresOn,
                Packs = -t.Packs,
                RedemptionId = redemption.Id,
                At = redemption.At,
                By = redemption.StaffUserId,
            }));
        }
    }
}
