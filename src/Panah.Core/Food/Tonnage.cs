namespace Panah.Core.Food;

/// <summary>How much a kit weighs (a ration's tonnes: <see cref="EntitlementRules.RationTonnes"/>).</summary>
public static class Tonnage
{
    /// <summary>Kilograms of a kit for one household: Σ packs × grams per pack.</summary>
    public static double KitKilograms(IEnumerable<(double Packs, int PackGrams)> contents) => contents.Sum(c => c.Packs * c.PackGrams) / 1000;
}
