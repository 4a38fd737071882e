namespace Panah.Core.Food;

/// <summary>
/// The Sphere / UNHCR minimum ration (UNHCR 1997 guidelines, paras 30–32). Configuration <c>Panah:Food:Sphere:*</c>;
/// the defaults are the standard's own figures. Shares are in percent of energy.
/// </summary>
public sealed class SphereOptions
{
    public const string Section = "Panah:Food:Sphere";

    public double MinKcal { get; set; } = 2100;
    public double MinProteinPercent { get; set; } = 10;
    public double MinFatPercent { get; set; } = 17;

    /// <summary>Above this, the standard calls the fat "not justified": a note, not a failure.</summary>
    public double FatNotJustifiedAbovePercent { get; set; } = 20;
}

/// <summary>How a ration stands against each minimum; <see cref="Meets"/> only when every one is met.</summary>
public sealed record SphereResult(NutrientTotals Totals, bool EnergyMet, bool ProteinMet, bool FatMet, bool FatNotJustified)
{
    public bool Meets => EnergyMet && ProteinMet && FatMet;
}

/// <summary>Checks a ration's totals against the Sphere minimums.</summary>
public static class SphereCheck
{
    // A share is compared as shown, to one decimal of a percent: a ration shown as "17.0 %" is not failed for 16.996 %.
    public static SphereResult Check(NutrientTotals totals, SphereOptions options)
    {
        var protein = Percent(totals.ProteinShare);
        var fat = Percent(totals.FatShare);
        return new SphereResult(
            totals,
            Math.Round(totals.Kcal, MidpointRounding.AwayFromZero) >= options.MinKcal,
            protein >= options.MinProteinPercent,
            fat >= options.MinFatPercent,
            fat > options.FatNotJustifiedAbovePercent);
    }

    /// <summary>A share (0–1) as a percent to one decimal, as pages and the API show it.</summary>
    public static double Percent(double share) => Math.Round(share * 100, 1, MidpointRounding.AwayFromZero);
}
