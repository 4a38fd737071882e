namespace Panah.Core.Food;

/// <summary>A commodity's planning values per 100 g (as WFP/UCL NutVal uses them).</summary>
public readonly record struct NutrientsPer100g(double Kcal, double ProteinGrams, double FatGrams);

/// <summary>One commodity of a ration: grams per person per day and what 100 g of it gives.</summary>
public readonly record struct RationLine(double Grams, NutrientsPer100g Per100g);

/// <summary>
/// What a ration gives one person in a day, and the share of its energy from protein, fat and carbohydrate.
/// Protein gives 4 kcal/g and fat 9 kcal/g. The commodity table has no carbohydrate column, so the carbohydrate
/// share is the remainder of the energy (by difference, as NutVal reports it), never below zero.
/// </summary>
public sealed record NutrientTotals(double Grams, double Kcal, double ProteinGrams, double FatGrams)
{
    public const double ProteinKcalPerGram = 4;
    public const double FatKcalPerGram = 9;

    /// <summary>Protein's share of the energy, 0–1 (0 when the ration gives no energy).</summary>
    public double ProteinShare => Kcal > 0 ? ProteinGrams * ProteinKcalPerGram / Kcal : 0;

    /// <summary>Fat's share of the energy, 0–1 (0 when the ration gives no energy).</summary>
    public double FatShare => Kcal > 0 ? FatGrams * FatKcalPerGram / Kcal : 0;

    /// <summary>Carbohydrate's share by difference: what protein and fat leave of the energy.</summary>
    public double CarbohydrateShare => Kcal > 0 ? Math.Max(0, 1 - ProteinShare - FatShare) : 0;
}

/// <summary>Nutrient totals of a ration: nutrient = Σ grams / 100 × nutrient per 100 g.</summary>
public static class Ration
{
    public static NutrientTotals Totals(IEnumerable<RationLine> lines)
    {
        double grams = 0, kcal = 0, protein = 0, fat = 0;
        foreach (var line in lines)
        {
            var f = line.Grams / 100;
            grams += line.Grams;
            kcal += f * line.Per100g.Kcal;
            protein += f * line.Per100g.ProteinGrams;
            fat += f * line.Per100g.FatGrams;
        }
        return new NutrientTotals(grams, kcal, protein, fat);
    }
}
