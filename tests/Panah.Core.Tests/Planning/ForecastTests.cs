using MathNet.Numerics.Distributions;
using Panah.Core.Planning;
using Xunit.Abstractions;

namespace Panah.Core.Tests.Planning;

public sealed class ForecastTests(ITestOutputHelper output)
{
    private static readonly DateOnly Start = new(2027, 3, 1);

    private static Baseline Registry(IReadOnlyList<int> monthly, int population = 50_000) =>
        new(monthly, new DateOnly(2027, 2, 1), population, 4.2, 0.02, 0.05, 8);

    /// <summary>Monthly counts from a known process: negative binomial with mean <paramref name="mean"/> and size <paramref name="size"/>.</summary>
    private static int[] Simulated(Random random, int months, double mean, double size) =>
        [.. Enumerable.Range(0, months).Select(_ => Poisson.Sample(random, Gamma.Sample(random, size, size / mean)))];

    [Fact]
    public void The_domain_guides_ration_for_50000_people_over_30_days_is_832_5_tonnes()
    {
        var into = Needs.Of(50_000, 0, 0, 0, 0, new NeedsOptions());

        Assert.Equal(555, new NeedsOptions().Basket.Sum(b => b.GramsPerPersonPerDay));
        Assert.Equal(832.5, into[Needs.FoodTonnes], 9);
        Assert.Equal(600.0, into[Needs.Food("Maize meal")], 9);
    }

    [Fact]
    public void Staff_and_seats_round_up_to_whole_people_and_none_are_needed_for_nobody()
    {
        var options = new NeedsOptions { SectionSize = 16, SectionsPerTeacher = 2, ChildCaseload = 20, PeoplePerPoint = 5_000, ClerksPerPoint = 4 };

        // 1,001 people: 80.08 learners → 81 seats, 6 sections, 3 teachers; 20.02 children alone → 21 cases → 2 workers; 1 point, 4 clerks.
        var some = Needs.Of(1_001, 0, 0.02, 0, 8, options);
        var none = Needs.Of(0, 0, 0.02, 0.05, 8, options);

        Assert.Equal((81, 6, 3, 2, 1, 4), ((int)some[Needs.Seats], (int)some[Needs.Sections], (int)some[Needs.Teachers], (int)some[Needs.ChildCaseWorkers], (int)some[Needs.Points], (int)some[Needs.Clerks]));
        Assert.All(new[] { Needs.Seats, Needs.Sections, Needs.Teachers, Needs.ChildCaseWorkers, Needs.WomenCaseWorkers, Needs.Points, Needs.Clerks }, k => Assert.Equal(0, none[k]));
        Assert.All(some.Where(kv => !kv.Key.StartsWith("food", StringComparison.Ordinal) && kv.Key != Needs.Budget), kv => Assert.Equal(Math.Round(kv.Value), kv.Value));
    }

    [Fact]
    public void The_same_seed_gives_the_same_forecast_and_another_seed_another()
    {
        var baseline = Registry([300, 340, 280, 410, 360, 330]);
        var scenario = new Scenario("Reopening", Start, 12, "Passport offices reopen", ArrivalAssumption.Multiplier, new Range3(1.5, 3, 6));

        var a = Forecaster.Run(baseline, scenario, new NeedsOptions(), futures: 2_000, seed: 7);
        var b = Forecaster.Run(baseline, scenario, new NeedsOptions(), futures: 2_000, seed: 7);
        var c = Forecaster.Run(baseline, scenario, new NeedsOptions(), futures: 2_000, seed: 8);

        Assert.Equal(a.Bands[Needs.Budget], b.Bands[Needs.Budget]);
        Assert.NotEqual(a.Bands[Needs.Budget], c.Bands[Needs.Budget]);
    }

    [Fact]
    public void A_scenario_of_zero_extra_arrivals_reproduces_the_baseline()
    {
        var baseline = Registry([300, 340, 280, 410, 360, 330]);
        var none = new Scenario("Nothing changes", Start, 12, "", ArrivalAssumption.ExtraPerMonth, Range3.Exactly(0));

        var carried = Forecaster.Run(baseline, Scenario.Baseline(Start, 12), new NeedsOptions(), futures: 2_000);
        var zero = Forecaster.Run(baseline, none, new NeedsOptions(), futures: 2_000);

        Assert.All(carried.Keys, k => Assert.Equal(carried.Bands[k], zero.Bands[k]));
    }

    [Fact]
    public void More_arrivals_mean_more_of_everything_and_the_intervals_are_nested()
    {
        var baseline = Registry([300, 340, 280, 410, 360, 330]);
        var calm = Forecaster.Run(baseline, Scenario.Baseline(Start, 12), new NeedsOptions(), futures: 2_000);
        var influx = Forecaster.Run(baseline, new Scenario("Influx", Start, 12, "", ArrivalAssumption.ExtraPerMonth, new Range3(1_000, 3_000, 8_000)), new NeedsOptions(), futures: 2_000);

        Assert.True(influx.Bands[Needs.Population][11].Median > calm.Bands[Needs.Population][11].Median + 20_000);
        Assert.True(influx.Bands[Needs.Teachers][11].Median > calm.Bands[Needs.Teachers][11].Median);
        Assert.All(influx.Bands[Needs.Budget], b => Assert.True(b.Low95 <= b.Low80 && b.Low80 <= b.Low50 && b.Low50 <= b.Median && b.Median <= b.High50 && b.High50 <= b.High80 && b.High80 <= b.High95));
        // The population only grows, and so does its uncertainty.
        var p = influx.Bands[Needs.Population];
        Assert.True(p.Zip(p.Skip(1)).All(x => x.Second.Median >= x.First.Median && x.Second.High80 - x.Second.Low80 >= x.First.High80 - x.First.Low80));
    }

    [Theory]
    [InlineData(400, 25, 12)]
    [InlineData(40, 4, 12)]
    [InlineData(3_000, 400, 18)]
    [InlineData(150, 1_000_000, 12)]
    public void On_a_known_process_the_80_percent_interval_covers_75_to_85_percent_of_held_out_months(double mean, double size, int fit)
    {
        var random = new Random(11);
        var covered = 0.0;
        const int replicates = 200;
        for (var r = 0; r < replicates; r++)
        {
            var history = Simulated(random, fit + 12, mean, size);
            covered += Backtest.Run(history, fitMonths: fit, futures: 2_000, seed: r)!.Coverage80;
        }

        var coverage = covered / replicates;
        output.WriteLine($"mean {mean}, size {size}, {fit} months fitted: 80 % interval coverage over {replicates} × 12 held-out months: {coverage:P1}");
        Assert.InRange(coverage, 0.75, 0.85);
    }

    [Fact]
    public void The_medians_error_shrinks_with_more_history()
    {
        var random = new Random(12);
        double Mae(int fit)
        {
            var sum = 0.0;
            for (var r = 0; r < 150; r++)
            {
                var history = Simulated(random, fit + 6, 400, 25);
                sum += Backtest.Run(history, fitMonths: fit, futures: 1_000, seed: r)!.MeanAbsoluteError;
            }
            return sum / 150;
        }

        var short3 = Mae(2);
        var long12 = Mae(12);

        output.WriteLine($"mean absolute error of the median: 2 months of history {short3:F1}, 12 months {long12:F1}");
        Assert.True(long12 < short3, $"2 months: {short3:F1}, 12 months: {long12:F1}");
    }

    [Fact]
    public void Scenarios_outside_their_bounds_are_refused_with_the_reason()
    {
        Assert.Contains("Planning.HorizonRange", new Scenario("x", Start, 30, "", ArrivalAssumption.Multiplier, Range3.Exactly(1)).Problems());
        Assert.Contains("Planning.ArrivalsRange", new Scenario("x", Start, 12, "", ArrivalAssumption.Multiplier, new Range3(3, 2, 4)).Problems());
        Assert.Contains("Planning.NameRequired", new Scenario(" ", Start, 12, "", ArrivalAssumption.Multiplier, Range3.Exactly(1)).Problems());
        Assert.Throws<ArgumentException>(() => Forecaster.Run(Registry([1]), new Scenario("x", Start, 2, "", ArrivalAssumption.Multiplier, Range3.Exactly(1)), new NeedsOptions()));
        Assert.Throws<ArgumentException>(() => ArrivalModel.Fit([]));
    }
}
