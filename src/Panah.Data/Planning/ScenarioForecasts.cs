using Panah.Core.Planning;

namespace Panah.Data.Planning;

/// <summary>A stored scenario forecast on the reader's baseline, with the backtest shown beside it.</summary>
public sealed record ScenarioForecast(ScenarioView Stored, Baseline Baseline, Forecast Forecast, BacktestResult? Backtest, PlannedRation Ration);

/// <summary>
/// Forecasts stored scenarios on the registry's baseline within the reader's offices (<see cref="PlanningBaselines"/>):
/// the same scenario gives a Kayseri manager Kayseri's needs. The backtest is the cached one of that baseline.
/// </summary>
public sealed class ScenarioForecasts(PlanningBaselines baselines, PlanningNeeds needs, BacktestCache backtests)
{
    public async Task<List<ScenarioForecast>> RunAsync(IEnumerable<ScenarioView> scenarios, int futures = Forecaster.DefaultFutures, CancellationToken ct = default)
    {
        var baseline = await baselines.CurrentAsync(ct);
        var backtest = backtests.Of(baseline);
        var inputs = await needs.CurrentAsync(ct);
        return [.. scenarios.Select(s => new ScenarioForecast(s, baseline, Forecaster.Run(baseline, s.Scenario, inputs.Needs, futures), backtest, inputs.Ration))];
    }

    public async Task<ScenarioForecast> RunAsync(ScenarioView scenario, CancellationToken ct = default) => (await RunAsync([scenario], ct: ct))[0];

    /// <summary>Which assumption moves <paramref name="scenario"/>'s budget most, on the reader's baseline.</summary>
    public async Task<SensitivityResult> SensitivityAsync(ScenarioView scenario, CancellationToken ct = default) =>
        Sensitivity.OfBudget(await baselines.CurrentAsync(ct), scenario.Scenario, (await needs.CurrentAsync(ct)).Needs);
}
