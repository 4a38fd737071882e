namespace Panah.Core.Planning;

/// <summary>A scenario's forecast: per need (see <see cref="Needs"/>), one band per month of the horizon.</summary>
public sealed record Forecast(string Scenario, IReadOnlyList<DateOnly> Months, IReadOnlyDictionary<string, Band[]> Bands, int Futures, int Seed)
{
    /// <summary>The needs forecast, in the order a table lists them.</summary>
    public IEnumerable<string> Keys => Bands.Keys;
}

/// <summary>
/// Simulates thousands of futures of a scenario on the registry's baseline, with a fixed seed (the same inputs give the
/// same forecast), and turns each month of each future into needs, so the intervals of the needs are those of the
/// futures, not of a point estimate pushed through the arithmetic.
/// </summary>
public static class Forecaster
{
    public const int DefaultFutures = 10_000;
    public const int DefaultSeed = 20261202;

    public static Forecast Run(Baseline baseline, Scenario scenario, NeedsOptions options, int futures = DefaultFutures, int seed = DefaultSeed)
    {
        if (scenario.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(", ", problems), nameof(scenario));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(futures, 10);
        var model = ArrivalModel.Fit(baseline.MonthlyArrivals.Count > 0 ? baseline.MonthlyArrivals : [0]);
        var horizon = scenario.HorizonMonths;
        var childShare = scenario.UnaccompaniedChildShare ?? baseline.UnaccompaniedChildShare;
        var womenShare = scenario.WomenAtRiskShare ?? baseline.WomenAtRiskShare;
        var keys = Needs.Keys(options);
        var budget = keys.Count - 1;
        // values[need][month][future]; the last row is the budget to date, summed over the months of each future.
        var values = new double[keys.Count + 1][][];
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = new double[horizon][];
            for (var m = 0; m < horizon; m++)
            {
                values[k][m] = new double[futures];
            }
        }
        // One stream for the whole run: a future's draws depend on the seed and its place, never on timing or threads.
        var random = new Random(seed);
        Span<double> month = stackalloc double[keys.Count];
        for (var f = 0; f < futures; f++)
        {
            var level = model.DrawLevel(random);
            var dispersion = model.DrawDispersion(random, level);
            var assumed = scenario.Arrivals.Draw(random);
            var population = baseline.Population;
            var spent = 0.0;
            for (var m = 0; m < horizon; m++)
            {
                var arrivals = model.DrawMonth(random, scenario.MeanArrivals(level, assumed), dispersion);
                population += arrivals;
                Needs.Fill(population, arrivals, childShare, womenShare, baseline.LearnersPer100, options, month);
                for (var k = 0; k < keys.Count; k++)
                {
                    values[k][m][f] = month[k];
                }
                spent += month[budget];
                values[keys.Count][m][f] = spent;
            }
        }
        var months = Enumerable.Range(1, horizon).Select(i => scenario.Start.AddMonths(i - 1)).ToList();
        // Every band of every need at once, over all cores; then sliced back per need, a month each.
        var all = Band.OfEach([.. values.SelectMany(v => v)]);
        var bands = keys.Append(Needs.BudgetToDate).Select((k, i) => (k, i))
            .ToDictionary(x => x.k, x => all.AsSpan(x.i * horizon, horizon).ToArray());
        return new Forecast(scenario.Name, months, bands, futures, seed);
    }
}
