namespace Panah.Core.Food.Monitoring;

/// <summary>The food groups of the Food Consumption Score, each with its WFP weight.</summary>
public enum FcsGroup
{
    Staples = 1,
    Pulses = 2,
    Dairy = 3,
    MeatFishEggs = 4,
    Vegetables = 5,
    Fruit = 6,
    Oil = 7,
    Sugar = 8,
    Condiments = 9,
}

public enum FcsCategory
{
    Poor = 1,
    Borderline = 2,
    Acceptable = 3,
}

/// <summary>
/// The FCS thresholds: the standard ones (≤ 21 poor, ≤ 35 borderline) or the high sugar/oil variant (≤ 28, ≤ 42).
/// Which one a deployment uses is configuration (<c>Panah:Monitoring:HighSugarOil</c>).
/// </summary>
public sealed record FcsThresholds(double PoorAtMost, double BorderlineAtMost)
{
    public static readonly FcsThresholds Standard = new(21, 35);
    public static readonly FcsThresholds HighSugarOil = new(28, 42);

    public FcsCategory Categorise(double score) =>
        score <= PoorAtMost ? FcsCategory.Poor : score <= BorderlineAtMost ? FcsCategory.Borderline : FcsCategory.Acceptable;
}

/// <summary>Food Consumption Score (WFP VAM): days each group was eaten in the last 7, weighted, 0–112.</summary>
public static class FoodConsumptionScore
{
    public static readonly IReadOnlyDictionary<FcsGroup, double> Weights = new Dictionary<FcsGroup, double>
    {
        [FcsGroup.Staples] = 2,
        [FcsGroup.Pulses] = 3,
        [FcsGroup.Dairy] = 4,
        [FcsGroup.MeatFishEggs] = 4,
        [FcsGroup.Vegetables] = 1,
        [FcsGroup.Fruit] = 1,
        [FcsGroup.Oil] = 0.5,
        [FcsGroup.Sugar] = 0.5,
        [FcsGroup.Condiments] = 0,
    };

    /// <summary>
    /// The score from the days each item was eaten, items grouped by <see cref="FcsGroup"/>: a group's items are
    /// summed and capped at 7. A blank item, a value outside 0–7, or a group without any item makes the score
    /// missing (null), never 0 and never clipped.
    /// </summary>
    public static double? Compute(IEnumerable<(FcsGroup Group, int? Days)> items)
    {
        var days = new Dictionary<FcsGroup, int>();
        foreach (var (group, value) in items)
        {
            if (value is not (>= 0 and <= 7))
            {
                return null;
            }
            days[group] = days.GetValueOrDefault(group) + value.Value;
        }
        double score = 0;
        foreach (var (group, weight) in Weights)
        {
            if (!days.TryGetValue(group, out var d))
            {
                return null;
            }
            score += Math.Min(d, 7) * weight;
        }
        return score;
    }
}
