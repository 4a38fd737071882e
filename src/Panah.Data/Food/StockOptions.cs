using Microsoft.Extensions.Configuration;

namespace Panah.Data.Food;

/// <summary>Local practice of the stock ledger, section <c>Panah:Food:Stock</c>.</summary>
public sealed class StockOptions
{
    public const string Section = "Panah:Food:Stock";

    /// <summary>
    /// True (the default): a redemption is refused when the point lacks the stock. False: what the point holds is
    /// posted and the rest shows as a difference in the cycle's reconciliation (for points whose stock is kept on paper).
    /// </summary>
    public bool RequireStockForRedemption { get; set; } = true;

    /// <summary>Batches expiring within this many days are flagged on the balances.</summary>
    public int ExpiryWarningDays { get; set; } = 30;

    /// <summary>
    /// Rows each batch's balance at a location is spread over. Every collection at a point takes packs out of its
    /// batches: with one row each, collections at a busy point wait for each other's commit; with several, each takes
    /// a free stripe. 1 keeps one row per batch.
    /// </summary>
    public int Stripes { get; set; } = 8;

    /// <summary>The most stripes a batch may have (a stripe's lock key keeps it in 8 bits).</summary>
    public const int MaxStripes = 64;

    public static StockOptions Read(IConfiguration configuration)
    {
        var options = new StockOptions
        {
            RequireStockForRedemption = configuration.GetValue($"{Section}:RequireStockForRedemption", true),
            ExpiryWarningDays = configuration.GetValue($"{Section}:ExpiryWarningDays", 30),
            Stripes = configuration.GetValue($"{Section}:Stripes", 8),
        };
        if (options.Stripes is < 1 or > MaxStripes)
        {
            throw new InvalidOperationException($"{Section}:Stripes must be between 1 and {MaxStripes}.");
        }
        if (options.ExpiryWarningDays is < 0 or > 3650)
        {
            throw new InvalidOperationException($"{Section}:ExpiryWarningDays must be between 0 and 3650.");
        }
        return options;
    }
}
