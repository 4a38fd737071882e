using Panah.Core.Food.Monitoring;

namespace Panah.Core.Tests.Food.Monitoring;

public sealed class ExpenditureAndCariTests
{
    private static decimal? Share(decimal? foodWeek, decimal? rentMonth, decimal? healthSixMonths = null) => FoodExpenditureShare.Compute(
    [
        new(true, SpendingRecall.SevenDays, foodWeek),
        new(true, SpendingRecall.SevenDays, null),
        new(false, SpendingRecall.Month, rentMonth),
        new(false, SpendingRecall.SixMonths, healthSixMonths),
    ]);

    [Fact]
    public void Fes_makes_every_recall_monthly_and_blanks_count_as_zero()
    {
        // 70 a week = 300 a month; 600 over six months = 100 a month: 300 / (300 + 200 + 100).
        Assert.Equal(0.5m, Share(70, 200, 600));
        Assert.Equal(1m, Share(70, null));
    }

    [Fact]
    public void Fes_with_a_total_of_zero_is_missing()
    {
        Assert.Null(Share(null, null));
        Assert.Null(Share(0, 0, 0));
    }

    [Theory]
    [InlineData(70, 301, 1)] // just under 50 %
    [InlineData(70, 300, 2)] // exactly 50 %
    [InlineData(91, 211, 2)] // just under 65 %
    [InlineData(91, 210, 3)] // 390 / 600 = exactly 65 %
    [InlineData(70, 101, 3)] // just under 75 %
    [InlineData(70, 100, 4)] // 300 / 400 = exactly 75 %
    public void Fes_boundaries_are_inclusive_upwards(int foodWeek, int rentMonth, int expected) =>
        Assert.Equal(expected, FoodExpenditureShare.FourPoint(Share(foodWeek, rentMonth)!.Value));

    [Fact]
    public void Cari_fcs_four_point()
    {
        Assert.Equal(1, Cari.FcsFourPoint(FcsCategory.Acceptable, 3));
        Assert.Equal(2, Cari.FcsFourPoint(FcsCategory.Acceptable, 4));
        Assert.Equal(1, Cari.FcsFourPoint(FcsCategory.Acceptable, null));
        Assert.Equal(3, Cari.FcsFourPoint(FcsCategory.Borderline, 30));
        Assert.Equal(4, Cari.FcsFourPoint(FcsCategory.Poor, null));
    }

    [Fact]
    public void Cari_rounds_halves_away_from_zero()
    {
        // FCS acceptable with rCSI 10 → 2; coping = LCS crisis 3 (FES missing); mean 2.5 → 3 (banker's rounding would give 2).
        Assert.Equal(CariCategory.ModeratelyFoodInsecure, Cari.Compute(FcsCategory.Acceptable, 10, LcsLevel.Crisis, null));
        // Borderline 3, coping mean(4, 4) = 4: 3.5 → 4.
        Assert.Equal(CariCategory.SeverelyFoodInsecure, Cari.Compute(FcsCategory.Borderline, 0, LcsLevel.Emergency, 4));
        // 2 and mean(3, 4) = 3.5: 2.75 → 3.
        Assert.Equal(CariCategory.ModeratelyFoodInsecure, Cari.Compute(FcsCategory.Acceptable, 4, LcsLevel.Crisis, 4));
    }

    [Fact]
    public void Cari_coping_capacity_is_the_mean_of_the_parts_present()
    {
        Assert.Equal(3m, Cari.CopingCapacity(LcsLevel.Crisis, null));
        Assert.Equal(2.5m, Cari.CopingCapacity(LcsLevel.Stress, 3));
        Assert.Equal(2m, Cari.CopingCapacity(null, 2));
        Assert.Null(Cari.CopingCapacity(null, null));
    }

    [Fact]
    public void Cari_with_acceptable_fcs_and_missing_rcsi_counts_fcs_as_1()
    {
        // FCS 4-point 1, coping mean(1, 2) = 1.5: mean 1.25 → 1.
        Assert.Equal(CariCategory.FoodSecure, Cari.Compute(FcsCategory.Acceptable, null, LcsLevel.None, 2));
    }

    [Fact]
    public void Cari_is_missing_when_fcs_is_missing()
    {
        Assert.Null(Cari.Compute(null, 0, LcsLevel.Stress, 2));
        var answers = new PdmAnswers { FoodDays = new() { ["staples"] = 7 }, Spending = new() { ["food_bought"] = 70, ["rent"] = 300 } };
        var scores = PdmScores.Of(answers, FcsThresholds.Standard);
        Assert.Null(scores.Fcs);
        Assert.Null(scores.Cari);
        Assert.Equal(2, scores.Fes);
        Assert.Equal(LcsLevel.None, scores.Lcs);
    }
}
