namespace Panah.Data.Food;

public enum StockMovementKind
{
    /// <summary>Stock arriving from a donor or a purchase.</summary>
    Receipt = 1,

    /// <summary>Stock moving between two locations: one row out of the source, one into the destination.</summary>
    Transfer = 2,

    /// <summary>Stock handed to households, posted from a redemption.</summary>
    Distribution = 3,

    /// <summary>Spoiled, damaged, stolen or expired stock written off, with a reason.</summary>
    Loss = 4,

    /// <summary>A correction after a count, up or down, with a reason.</summary>
    Adjustment = 5,
}

public enum ReceiptSource
{
    Donor = 1,
    Purchase = 2,
}

/// <summary>
/// One line of the append-only stock ledger: a signed number of packs of one commodity batch at one location. A
/// posting writes one or more lines under one <see cref="OperationId"/> (a transfer writes an out and an in line; a
/// withdrawal without a batch writes one line per batch it takes, earliest expiry first). The lines of a location,
/// commodity and batch sum to its <see cref="StockBalance"/>.
/// </summary>
public sealed class StockMovement
{
    public long Id { get; set; }

    /// <summary>The posting this line belongs to: every line of it is written in one transaction, or none is.</summary>
    public Guid OperationId { get; set; }
    public StockMovementKind Kind { get; set; }
    public int LocationId { get; set; }

    /// <summary>For a transfer, the other side (the destination on the out line, the source on the in line).</summary>
    public int? CounterpartLocationId { get; set; }
    public int CommodityId { get; set; }

    /// <summary>The batch or lot code ("" when the stock carries none).</summary>
    public string Batch { get; set; } = "";
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>Packs in (positive) or out (negative) of the location.</summary>
    public int Packs { get; set; }
    public ReceiptSource? Source { get; set; }

    /// <summary>The donor's or supplier's document (waybill, purchase order): no personal data.</summary>
    public string? Reference { get; set; }

    /// <summary>Why stock was lost or adjusted, in staff's words.</summary>
    public string? Reason { get; set; }

    /// <summary>The redemption a distribution line was posted from (its id only: the household is not named here).</summary>
    public Guid? RedemptionId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The staff account (its id) that posted it.</summary>
    public required string By { get; set; }
}
