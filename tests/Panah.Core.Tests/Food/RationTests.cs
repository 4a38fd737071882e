using Panah.Core.Food;

namespace Panah.Core.Tests.Food;

/// <summary>The domain guide's vectors, with its commodity table written out here (not read from the seed).</summary>
public sealed class RationTests
{
    private static readonly NutrientsPer100g Wheat = new(350, 11.5, 1.5);
    private static readonly NutrientsPer100g Maize = new(360, 9, 3.5);
    private static readonly NutrientsPer100g Beans = new(335, 20, 1.2);
    private static readonly NutrientsPer100g Oil = new(885, 0, 100);
    private static readonly NutrientsPer100g Csb = new(380, 18, 6);
    private static readonly NutrientsPer100g Sugar = new(400, 0, 0);
    private static readonly NutrientsPer100g Salt = new(0, 0, 0);

    private static RationLine[] Basket(NutrientsPer100g staple, double oilGrams = 25) =>
        [new(400, staple), new(60, Beans), new(oilGrams, Oil), new(50, Csb), new(15, Sugar), new(5, Salt)];

    [Fact]
    public void The_maize_basket_gives_2112_kcal_57_g_protein_and_42_7_g_fat_and_meets_the_standard()
    {
        var totals = Ration.Totals(Basket(Maize));
        var check = SphereCheck.Check(totals, new SphereOptions());

        Assert.Equal(555, totals.Grams, 6);
        Assert.Equal(2112, Math.Round(totals.Kcal));
        Assert.Equal(57.0, Math.Round(totals.ProteinGrams, 1));
        Assert.Equal(42.7, Math.Round(totals.FatGrams, 1));
        Assert.Equal(10.8, SphereCheck.Percent(totals.ProteinShare));
        Assert.Equal(18.2, SphereCheck.Percent(totals.FatShare));
        Assert.True(check.EnergyMet);
        Assert.True(check.ProteinMet);
        Assert.True(check.FatMet);
        Assert.False(check.FatNotJustified);
        Assert.True(check.Meets);
    }

    [Fact]
    public void The_wheat_basket_fails_on_fat_and_on_energy_but_not_on_protein()
    {
        var totals = Ration.Totals(Basket(Wheat));
        var check = SphereCheck.Check(totals, new SphereOptions());

        Assert.Equal(2072, Math.Round(totals.Kcal));
        Assert.Equal(67.0, Math.Round(totals.ProteinGrams, 1));
        Assert.Equal(34.7, Math.Round(totals.FatGrams, 1));
        Assert.Equal(15.1, SphereCheck.Percent(totals.FatShare));
        Assert.False(check.FatMet);
        Assert.False(check.EnergyMet);
        Assert.True(check.ProteinMet);
        Assert.False(check.Meets);
    }

    [Fact]
    public void The_wheat_basket_with_more_oil_meets_the_standard()
    {
        var check = SphereCheck.Check(Ration.Totals(Basket(Wheat, oilGrams: 35)), new SphereOptions());

        Assert.True(check.Meets, $"{check.Totals}");
    }

    [Fact]
    public void Carbohydrate_is_the_share_of_energy_protein_and_fat_leave()
    {
        var totals = Ration.Totals(Basket(Maize));

        Assert.Equal(1 - totals.ProteinShare - totals.FatShare, totals.CarbohydrateShare, 12);
        Assert.Equal(71.0, SphereCheck.Percent(totals.CarbohydrateShare));
    }

    [Fact]
    public void Fat_over_20_percent_is_noted_as_not_justified_without_failing()
    {
        var check = SphereCheck.Check(Ration.Totals(Basket(Maize, oilGrams: 40)), new SphereOptions());

        Assert.True(check.FatMet);
        Assert.True(check.FatNotJustified);
        Assert.True(check.Meets);
    }

    [Fact]
    public void The_thresholds_come_from_the_options()
    {
        var totals = Ration.Totals(Basket(Maize));

        var check = SphereCheck.Check(totals, new SphereOptions { MinKcal = 2200, MinProteinPercent = 12, MinFatPercent = 19 });

        Assert.False(check.EnergyMet);
        Assert.False(check.ProteinMet);
        Assert.False(check.FatMet);
    }

    [Fact]
    public void An_empty_ration_gives_nothing_and_fails_every_minimum()
    {
        var totals = Ration.Totals([]);
        var check = SphereCheck.Check(totals, new SphereOptions());

        Assert.Equal(0, totals.Kcal);
        Assert.Equal(0, totals.FatShare);
        Assert.False(check.EnergyMet || check.ProteinMet || check.FatMet);
    }

    [Fact]
    public void A_kit_weighs_its_packs() =>
        Assert.Equal(31.6, Tonnage.KitKilograms([(1, 25_000), (1, 4_600), (2, 1_000)]), 9);
}
