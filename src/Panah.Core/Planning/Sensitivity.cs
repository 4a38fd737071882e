namespace Panah.Core.Planning;

/// <summary>One bar of a tornado chart: the budget with one assumption at its low and at its high end, the others at their likely value.</summary>
/// <param name="Assumption">Which assumption (one of the <see cref="Sensitivity"/> constants).</param>
/// <param name="AtLow">The median budget over the horizon with the assumption at its low end.</param>
/// <param name="AtHigh">The same at its high end.</param>
public sealed record SensitivityBar(string Assumption, double AtLow, double AtHigh)
{
    /// <summary>How far the assumption moves the budget, low end to high end.</summary>
    public double Swing => Math.Abs(AtHigh - AtLow);
}

/// <summary>The tornado: the budget with every assumption at its likely value, and one bar per assumption, the largest swing first.</summary>
public sealed record SensitivityResult(double Likely, IReadOnlyList<SensitivityBar> Bars);

/// <summary>
/// Which assumption moves the budget most. Each assumption is set to its low and then its high end while every other
/// stays at its likely value, and the scenario is forecast again with the same seed, so two runs differ only by that
/// assumption (common random numbers). The budget is the median of the budget summed over the horizon. The scenario's
/// arrivals have their own low and high; the composition shares, learners per 100 and the unit costs, which the plan
/// states as single figures, are taken <see cref="DefaultSpread"/> either side.
/// </summary>
public static class Sensitivity
{
    public const string Arrivals = "arrivals";
    public const string ChildShare = "child-share";
    public const string WomenShare = "women-share";
    public const string Learners = "learners";
    public const string FoodCost = "food-cost";
    public const string StaffCost = "staff-cost";

    /// <summary>The relative spread either side of a figure the plan gives without a range: ±25 %.</summary>
    public const double DefaultSpread = 0.25;

    /// <summary>Futures per run: 13 runs of a tornado at 2,000 futures cost about 2.6 forecasts of 10,000.</summary>
    public const int DefaultFutures = 2_000;

    public static SensitivityResult OfBudget(Baseline baseline, Scenario scenario, NeedsOptions options,
        double spread = DefaultSpread, int futures = DefaultFutures, int seed = Forecaster.DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(spread);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spread, 1);
        var likely = scenario with
        {
            Arrivals = Range3.Exactly(scenario.Arrivals.Likely),
            UnaccompaniedChildShare = scenario.UnaccompaniedChildShare ?? baseline.UnaccompaniedChildShare,
            WomenAtRiskShare = scenario.WomenAtRiskShare ?? baseline.WomenAtRiskShare,
        };
        double Budget(Baseline b, Scenario s, NeedsOptions o) =>
            Forecaster.Run(b, s, o, futures, seed).Bands[Needs.BudgetToDate][^1].Median;
        double Share(double share, double factor) => Math.Clamp(share * factor, 0, 1);
        SensitivityBar Bar(string name, Func<double, double> budgetAt) => new(name, budgetAt(1 - spread), budgetAt(1 + spread));

        var bars = new List<SensitivityBar>
        {
            new(Arrivals,
                Budget(baseline, likely with { Arrivals = Range3.Exactly(scenario.Arrivals.Low) }, options),
                Budget(baseline, likely with { Arrivals = Range3.Exactly(scenario.Arrivals.High) }, options)),
            Bar(ChildShare, f => Budget(baseline, likely with { UnaccompaniedChildShare = Share(likely.UnaccompaniedChildShare!.Value, f) }, options)),
            Bar(WomenShare, f => Budget(baseline, likely with { WomenAtRiskShare = Share(likely.WomenAtRiskShare!.Value, f) }, options)),
            Bar(Learners, f => Budget(baseline with { LearnersPer100 = baseline.LearnersPer100 * f }, likely, options)),
            Bar(FoodCost, f => Budget(baseline, likely, options with { Basket = [.. options.Basket.Select(b => b with { CostPerTonne = b.CostPerTonne * f })] })),
            Bar(StaffCost, f => Budget(baseline, likely, options with
            {
                CostPerSeatPerMonth = options.CostPerSeatPerMonth * f,
                CostPerTeacherPerMonth = options.CostPerTeacherPerMonth * f,
                CostPerCaseWorkerPerMonth = options.CostPerCaseWorkerPerMonth * f,
                CostPerClerkPerMonth = options.CostPerClerkPerMonth * f,
                CostPerPointPerMonth = options.CostPerPointPerMonth * f,
            })),
        };
        return new SensitivityResult(Budget(baseline, likely, options), [.. bars.OrderByDescending(b => b.Swing)]);
    }
}
