namespace Panah.Core.Food;

/// <summary>
/// How much a household is entitled to in a cycle. The general ration is the same for every person (Sphere), so a
/// ration basket gives members × grams per person per day × days, rounded up to whole packs, with the household-size
/// multiplier optionally capped; a kit gives its packs per household whatever the household's size.
/// </summary>
public static class EntitlementRules
{
    /// <summary>The household-size multiplier: the members counted, at most <paramref name="cap"/> when there is one.</summary>
    public static int Multiplier(int members, int? cap)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(members);
        return cap is { } c ? Math.Min(members, c) : members;
    }

    /// <summary>Packs of one commodity of a ration basket: ceil(min(members, cap) × grams/day × days / grams per pack).</summary>
    public static int RationPacks(int members, int? cap, double gramsPerPersonPerDay, int days, int packGrams)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(packGrams);
        ArgumentOutOfRangeException.ThrowIfNegative(gramsPerPersonPerDay);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        // In decimal: 0.1 g × 10 people × 30 days is 30 g exactly, not 30.000000000000004 rounded up to a second pack.
        var grams = Multiplier(members, cap) * (decimal)gramsPerPersonPerDay * days;
        return (int)Math.Ceiling(grams / packGrams);
    }

    /// <summary>Packs of one commodity of a kit: as many as the kit holds, whatever the household's size.</summary>
    public static int KitPacks(double packsPerHousehold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(packsPerHousehold);
        return (int)Math.Ceiling((decimal)packsPerHousehold);
    }

    /// <summary>Metric tonnes of <paramref name="packs"/> packs of <paramref name="packGrams"/> grams.</summary>
    public static decimal Tonnes(long packs, int packGrams) => packs * (decimal)packGrams / 1_000_000m;

    /// <summary>Metric tonnes of a ration of <paramref name="gramsPerPersonPerDay"/> for <paramref name="people"/> over <paramref name="days"/> (before rounding to packs).</summary>
    public static decimal RationTonnes(double gramsPerPersonPerDay, long people, int days) => (decimal)gramsPerPersonPerDay * people * days / 1_000_000m;
}
