using Panah.Core.Food.Monitoring;

namespace Panah.Core.Tests.Food.Monitoring;

public sealed class CopingAndHungerTests
{
    private static Dictionary<RcsiItem, int?> Days(int? a, int? b, int? c, int? d, int? e) => new()
    {
        [RcsiItem.LessPreferredFood] = a, [RcsiItem.BorrowFood] = b, [RcsiItem.FewerMeals] = c, [RcsiItem.SmallerPortions] = d, [RcsiItem.AdultsEatLess] = e,
    };

    [Fact]
    public void Rcsi_weights_each_strategy()
    {
        // 1×1 + 2×2 + 3×1 + 4×1 + 5×3 = 27.
        Assert.Equal(27, ReducedCopingStrategies.Compute(Days(1, 2, 3, 4, 5)));
        Assert.Equal(56, ReducedCopingStrategies.Compute(Days(7, 7, 7, 7, 7)));
        Assert.Equal(0, ReducedCopingStrategies.Compute(Days(0, 0, 0, 0, 0)));
    }

    [Fact]
    public void Rcsi_with_an_out_of_range_or_blank_item_is_missing()
    {
        Assert.Null(ReducedCopingStrategies.Compute(Days(1, 2, 8, 4, 5)));
        Assert.Null(ReducedCopingStrategies.Compute(Days(1, -1, 3, 4, 5)));
        Assert.Null(ReducedCopingStrategies.Compute(Days(1, 2, 3, 4, null)));
        Assert.Null(ReducedCopingStrategies.Compute(new Dictionary<RcsiItem, int?> { [RcsiItem.BorrowFood] = 1 }));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(18, 2)]
    [InlineData(19, 3)]
    [InlineData(56, 3)]
    public void Rcsi_ipc_phases(int rcsi, int phase) => Assert.Equal(phase, ReducedCopingStrategies.Phase(rcsi));

    [Fact]
    public void Hhs_scores_frequencies_never_0_rarely_and_sometimes_1_often_2()
    {
        Assert.Equal(4, HouseholdHungerScale.Compute([HhsFrequency.Often, HhsFrequency.Sometimes, HhsFrequency.Rarely]));
        Assert.Equal(6, HouseholdHungerScale.Compute([HhsFrequency.Often, HhsFrequency.Often, HhsFrequency.Often]));
        Assert.Equal(0, HouseholdHungerScale.Compute([HhsFrequency.Never, null, null]));
    }

    [Fact]
    public void Hhs_is_scored_from_the_frequency_even_after_a_no()
    {
        var answers = new PdmAnswers { Hunger = [new(false, HhsFrequency.Often), new(true, HhsFrequency.Rarely), new(false, null)] };
        Assert.Equal(3, PdmScores.Of(answers, FcsThresholds.Standard).Hhs);
    }

    [Theory]
    [InlineData(0, HhsCategory.Little)]
    [InlineData(1, HhsCategory.Little)]
    [InlineData(2, HhsCategory.Moderate)]
    [InlineData(3, HhsCategory.Moderate)]
    [InlineData(4, HhsCategory.Severe)]
    [InlineData(6, HhsCategory.Severe)]
    public void Hhs_categories(int score, HhsCategory expected) => Assert.Equal(expected, HouseholdHungerScale.Categorise(score));

    [Fact]
    public void Lcs_is_the_highest_level_used_and_none_is_1()
    {
        var strategies = LivelihoodCoping.Strategies;
        LcsLevel With(Func<LcsLevel, LcsAnswer?> answer) => LivelihoodCoping.Compute(strategies.Select(s => (s.Level, answer(s.Level))));

        Assert.Equal(LcsLevel.None, With(_ => LcsAnswer.No));
        Assert.Equal(LcsLevel.None, With(_ => LcsAnswer.NotApplicable));
        Assert.Equal(LcsLevel.None, With(_ => null));
        Assert.Equal(1, (int)LcsLevel.None);
        Assert.Equal(LcsLevel.Stress, With(l => l == LcsLevel.Stress ? LcsAnswer.Yes : LcsAnswer.No));
        Assert.Equal(LcsLevel.Crisis, With(l => l == LcsLevel.Emergency ? LcsAnswer.NotApplicable : LcsAnswer.Exhausted));
        Assert.Equal(LcsLevel.Emergency, With(l => l == LcsLevel.Emergency ? LcsAnswer.Exhausted : LcsAnswer.No));
        Assert.Equal(4, strategies.Count(s => s.Level == LcsLevel.Stress));
        Assert.Equal(3, strategies.Count(s => s.Level == LcsLevel.Crisis));
        Assert.Equal(3, strategies.Count(s => s.Level == LcsLevel.Emergency));
    }
}
