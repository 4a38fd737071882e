namespace Panah.Core.Food.Monitoring;

/// <summary>How far back a spending question asks.</summary>
public enum SpendingRecall
{
    /// <summary>The last 7 days: × 30/7 for a month.</summary>
    SevenDays = 1,

    /// <summary>The last 30 days: as is.</summary>
    Month = 2,

    /// <summary>The last 6 months: / 6 for a month.</summary>
    SixMonths = 3,
}

/// <summary>One spending answer: food or not, its recall period, the amount (blank counts as 0).</summary>
public readonly record struct Spending(bool Food, SpendingRecall Recall, decimal? Amount);

/// <summary>Food Expenditure Share: monthly food spending (bought, aid or gift, own production) over all monthly spending.</summary>
public static class FoodExpenditureShare
{
    /// <summary>The share 0–1; blank items count as 0, and a total of 0 (or a negative amount) makes it missing.</summary>
    public static decimal? Compute(IEnumerable<Spending> items)
    {
        decimal food = 0, total = 0;
        foreach (var item in items)
        {
            var amount = item.Amount ?? 0;
            if (amount < 0)
            {
                return null;
            }
            var monthly = item.Recall switch
            {
                SpendingRecall.SevenDays => amount * 30 / 7,
                SpendingRecall.SixMonths => amount / 6,
                _ => amount,
            };
            total += monthly;
            if (item.Food)
            {
                food += monthly;
            }
        }
        return total == 0 ? null : food / total;
    }

    /// <summary>1 (&lt; 50 %), 2 (50–65 %), 3 (65–75 %), 4 (≥ 75 %): boundaries inclusive upwards.</summary>
    public static int FourPoint(decimal share) => share switch
    {
        >= 0.75m => 4,
        >= 0.65m => 3,
        >= 0.50m => 2,
        _ => 1,
    };
}
