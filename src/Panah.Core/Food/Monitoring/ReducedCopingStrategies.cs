namespace Panah.Core.Food.Monitoring;

/// <summary>The five rCSI strategies over the last 7 days, in the order of their weights (1, 2, 1, 1, 3).</summary>
public enum RcsiItem
{
    LessPreferredFood = 1,
    BorrowFood = 2,
    FewerMeals = 3,
    SmallerPortions = 4,
    AdultsEatLess = 5,
}

/// <summary>Reduced Coping Strategies Index, 0–56, and its IPC phase (0–3 phase 1, 4–18 phase 2, ≥ 19 phase 3+).</summary>
public static class ReducedCopingStrategies
{
    public static readonly IReadOnlyDictionary<RcsiItem, int> Weights = new Dictionary<RcsiItem, int>
    {
        [RcsiItem.LessPreferredFood] = 1,
        [RcsiItem.BorrowFood] = 2,
        [RcsiItem.FewerMeals] = 1,
        [RcsiItem.SmallerPortions] = 1,
        [RcsiItem.AdultsEatLess] = 3,
    };

    /// <summary>The index; a blank item or one outside 0–7 days makes it missing (null).</summary>
    public static int? Compute(IReadOnlyDictionary<RcsiItem, int?> days)
    {
        var total = 0;
        foreach (var (item, weight) in Weights)
        {
            if (days.GetValueOrDefault(item) is not { } d || d is < 0 or > 7)
            {
                return null;
            }
            total += d * weight;
        }
        return total;
    }

    /// <summary>1, 2 or 3 (phase 3 and above).</summary>
    public static int Phase(int rcsi) => rcsi switch
    {
        <= 3 => 1,
        <= 18 => 2,
        _ => 3,
    };
}
