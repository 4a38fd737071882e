using Panah.Core.Planning;

namespace Panah.Core.Tests.Planning;

public sealed class SensitivityTests
{
    private static readonly DateOnly Start = new(2027, 3, 1);
    private static readonly Baseline Registry = new([300, 340, 280, 410, 360, 330], new DateOnly(2027, 2, 1), 50_000, 4.2, 0.02, 0.05, 8);

    [Fact]
    public void A_wide_arrivals_range_moves_the_budget_most_and_bars_come_largest_first()
    {
        var scenario = new Scenario("Influx", Start, 6, "", ArrivalAssumption.ExtraPerMonth, new Range3(0, 2_000, 20_000));

        var result = Sensitivity.OfBudget(Registry, scenario, new NeedsOptions(), futures: 200);

        Assert.Equal(Sensitivity.Arrivals, result.Bars[0].Assumption);
        Assert.True(result.Bars[0].AtHigh > result.Likely && result.Likely > result.Bars[0].AtLow);
        Assert.True(result.Bars.Zip(result.Bars.Skip(1)).All(p => p.First.Swing >= p.Second.Swing));
        Assert.Equal(6, result.Bars.Count);
    }

    [Fact]
    public void Arrivals_known_exactly_move_nothing_and_come_last()
    {
        var scenario = new Scenario("Known", Start, 6, "", ArrivalAssumption.ExtraPerMonth, Range3.Exactly(500));

        var result = Sensitivity.OfBudget(Registry, scenario, new NeedsOptions(), futures: 200);

        Assert.Equal(0, result.Bars.Single(b => b.Assumption == Sensitivity.Arrivals).Swing);
        Assert.Equal(Sensitivity.Arrivals, result.Bars[^1].Assumption);
        // Food is most of the budget of 50,000 people: its cost moves it more than the learners do.
        Assert.True(result.Bars.Single(b => b.Assumption == Sensitivity.FoodCost).Swing > result.Bars.Single(b => b.Assumption == Sensitivity.Learners).Swing);
    }

    [Fact]
    public void The_budget_to_date_sums_the_months_of_a_forecast()
    {
        var f = Forecaster.Run(Registry, Scenario.Baseline(Start, 3), new NeedsOptions() with { }, futures: 100);

        Assert.True(f.Bands[Needs.BudgetToDate][2].Median > f.Bands[Needs.Budget][2].Median * 2.5);
        Assert.Equal(f.Bands[Needs.Budget][0], f.Bands[Needs.BudgetToDate][0]);
    }
}
