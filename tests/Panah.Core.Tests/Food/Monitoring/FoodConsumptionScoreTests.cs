using Panah.Core.Food.Monitoring;

namespace Panah.Core.Tests.Food.Monitoring;

public sealed class FoodConsumptionScoreTests
{
    private static List<(FcsGroup, int?)> Week(int meat = 2, int fish = 3, int eggs = 4) =>
    [
        (FcsGroup.Staples, 7), (FcsGroup.Pulses, 3), (FcsGroup.Dairy, 0), (FcsGroup.MeatFishEggs, meat), (FcsGroup.MeatFishEggs, fish),
        (FcsGroup.MeatFishEggs, eggs), (FcsGroup.Vegetables, 5), (FcsGroup.Fruit, 1), (FcsGroup.Oil, 7), (FcsGroup.Sugar, 7), (FcsGroup.Condiments, 7),
    ];

    [Fact]
    public void Items_of_one_group_are_summed_and_capped_at_7()
    {
        // 7×2 + 3×3 + 0×4 + min(2+3+4, 7)×4 + 5×1 + 1×1 + 7×0.5 + 7×0.5 + 7×0 = 64 (72 without the cap).
        Assert.Equal(64, FoodConsumptionScore.Compute(Week()));
        // 1 + 2 + 1 = 4 days of meat, fish or eggs: under the cap, summed.
        Assert.Equal(64 - 12, FoodConsumptionScore.Compute(Week(1, 2, 1)));
    }

    [Fact]
    public void A_missing_group_makes_the_score_missing_not_zero()
    {
        Assert.Null(FoodConsumptionScore.Compute(Week().Where(i => i.Item1 != FcsGroup.Fruit)));
        Assert.Null(FoodConsumptionScore.Compute(Week().Where(i => i.Item1 != FcsGroup.Condiments)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(8)]
    [InlineData(-1)]
    public void A_blank_or_out_of_range_value_makes_the_score_missing_never_clipped(int? fish)
    {
        Assert.Null(FoodConsumptionScore.Compute(Week(fish: 0).Select(i => i.Item1 == FcsGroup.Vegetables ? (i.Item1, fish) : i)));
        Assert.Null(FoodConsumptionScore.Compute(Week(meat: 0, fish: 0, eggs: 0).Append((FcsGroup.MeatFishEggs, fish))));
    }

    [Fact]
    public void Nothing_eaten_all_week_is_zero_when_every_group_is_answered()
    {
        Assert.Equal(0, FoodConsumptionScore.Compute(Enum.GetValues<FcsGroup>().Select(g => (g, (int?)0))));
        Assert.Equal(112, FoodConsumptionScore.Compute(Enum.GetValues<FcsGroup>().Select(g => (g, (int?)7))));
    }

    [Theory]
    [InlineData(0, FcsCategory.Poor)]
    [InlineData(21, FcsCategory.Poor)]
    [InlineData(21.5, FcsCategory.Borderline)]
    [InlineData(35, FcsCategory.Borderline)]
    [InlineData(35.5, FcsCategory.Acceptable)]
    [InlineData(112, FcsCategory.Acceptable)]
    public void Standard_thresholds(double score, FcsCategory expected) => Assert.Equal(expected, FcsThresholds.Standard.Categorise(score));

    [Theory]
    [InlineData(28, FcsCategory.Poor)]
    [InlineData(28.5, FcsCategory.Borderline)]
    [InlineData(42, FcsCategory.Borderline)]
    [InlineData(42.5, FcsCategory.Acceptable)]
    [InlineData(35.5, FcsCategory.Borderline)]
    public void High_sugar_and_oil_thresholds(double score, FcsCategory expected) => Assert.Equal(expected, FcsThresholds.HighSugarOil.Categorise(score));
}
