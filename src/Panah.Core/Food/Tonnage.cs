namespace Panah.Core.Food;

/// <summary>How much food a ration or a kit adds up to.</summary>
public static class Tonnage
{
    /// <summary>Tonnes of a ration of <paramref name="gramsPerPersonPerDay"/> for <paramref name="people"/> over <paramref name="days"/>: 555 g × 50,000 × 30 = 832.5 t.</summary>
    public static double Of(double gramsPerPersonPerDay, long people, int days) => gramsPerPersonPerDay * people * days / 1_000_000;

    /// <summary>Kilograms of a kit for one household: Σ packs × grams per pack.</summary>
    public static double KitKilograms(IEnumerable<(double Packs, int PackGrams)> contents) => contents.Sum(c => c.Packs * c.PackGrams) / 1000;
}
