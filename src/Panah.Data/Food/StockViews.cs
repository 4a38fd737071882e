namespace Panah.Data.Food;

/// <summary>A ledger line as pages and the API show it.</summary>
public sealed record StockLineView(
    long Id, Guid OperationId, StockMovementKind Kind, int LocationId, int? CounterpartLocationId, int CommodityId, string Batch,
    DateOnly? ExpiresOn, int Packs, ReceiptSource? Source, string? Reference, string? Reason, Guid? RedemptionId, DateTimeOffset At, string By)
{
    public static StockLineView From(StockMovement m) => new(
        m.Id, m.OperationId, m.Kind, m.LocationId, m.CounterpartLocationId, m.CommodityId, m.Batch, m.ExpiresOn, m.Packs, m.Source, m.Reference,
        m.Reason, m.RedemptionId, m.At, m.By);
}

public enum ExpiryState
{
    None = 0,

    /// <summary>Expires within the configured warning period: to be distributed first or moved.</summary>
    Soon = 1,
    Expired = 2,
}

/// <summary>
/// One batch's balance at a location. <see cref="NextOut"/> marks the batch a withdrawal without a batch takes first
/// (first expiry, first out), the suggestion the pages show.
/// </summary>
public sealed record StockBalanceView(
    int LocationId, string LocationCode, string LocationName, int CommodityId, string CommodityCode, string CommodityName, string PackLabel,
    string Batch, DateOnly? ExpiresOn, int Quantity, ExpiryState Expiry, bool NextOut);

/// <summary>A warehouse or point the staff member acts at.</summary>
public sealed record StockLocationView(int Id, string Code, string Name, LocationKind Kind, int FieldOfficeId);

/// <summary>A commodity as the stock forms list it.</summary>
public sealed record StockCommodityView(int Id, string Code, string Name, string PackLabel);
