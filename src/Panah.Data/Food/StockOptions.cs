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

    public static StockOptions Read(IConfiguration configuration)
    {
        var options = new StockOptions
        {
            RequireStockForRedemption = configuration.GetValue($"{Section}:RequireStockForRedemption", true),
            ExpiryWarningDays = configuration.GetValue($"{Section}:ExpiryWarningDays", 30),
        };
        if (options.ExpiryWarningDays is < 0 or > 3650)
        {
            throw new InvalidOperationException($"{Section}:ExpiryWarningDays must be between 0 and 3650.");
        }
        return options;
    }
}
