namespace Panah.Data.Food;

/// <summary>
/// Packs of one batch of a commodity at one location, kept in the same transaction as the ledger lines. The
/// database refuses a negative quantity (a CHECK), and a withdrawal is a conditional UPDATE that only applies
/// while enough remains, so concurrent postings on any number of app nodes can never take more than there is.
/// A batch's packs are spread over <see cref="StockOptions.Stripes"/> rows (<see cref="Stripe"/>), so collections at
/// one point update different rows side by side; its balance is the sum of its stripes.
/// </summary>
public sealed class StockBalance
{
    public int LocationId { get; set; }
    public int CommodityId { get; set; }

    /// <summary>The batch or lot code ("" when the stock carries none).</summary>
    public string Batch { get; set; } = "";

    /// <summary>Which of the batch's rows this is (0 up to the stripes configured when its stock arrived).</summary>
    public short Stripe { get; set; }

    /// <summary>Set when the batch first arrives at the location; a later receipt of the batch must name the same date.</summary>
    public DateOnly? ExpiresOn { get; set; }
    public int Quantity { get; set; }
    public long Version { get; set; }
}
