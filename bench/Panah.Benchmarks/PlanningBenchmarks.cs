using BenchmarkDotNet.Attributes;
using Panah.Core.Planning;

namespace Panah.Benchmarks;

/// <summary>
/// A scenario's forecast with its needs (dotnet run -c Release --project bench/Panah.Benchmarks -- --filter *Planning*):
/// 10,000 simulated futures × 24 months, each month turned into food by commodity, points, clerks, seats, sections,
/// teachers, case workers and budget, then the bands of every need. Goal: under 1 s.
/// </summary>
[MemoryDiagnoser]
public class PlanningBenchmarks
{
    private readonly Baseline baseline = new([310, 290, 350, 420, 380, 330, 360, 300, 410, 390, 370, 340], new DateOnly(2027, 2, 1), 50_000, 4.2, 0.02, 0.05, 8);
    private readonly Scenario scenario = new("Passport offices reopen", new DateOnly(2027, 3, 1), 24, "", ArrivalAssumption.Multiplier, new Range3(1.5, 3, 8));

    [Params(10_000)]
    public int Futures { get; set; }

    private readonly BacktestCache backtests = new();

    [Benchmark]
    public Forecast ForecastWithNeeds() => Forecaster.Run(baseline, scenario, new NeedsOptions(), Futures);

    /// <summary>A forecast request as it was: the forecast and the backtest run again every time.</summary>
    [Benchmark]
    public BacktestResult? RequestWithBacktestEachTime() => Forecaster.Run(baseline, scenario, new NeedsOptions(), Futures) is { } _ ? Backtest.Run(baseline.MonthlyArrivals) : null;

    /// <summary>A forecast request now: the backtest comes from the cache of its baseline.</summary>
    [Benchmark]
    public BacktestResult? RequestWithCachedBacktest() => Forecaster.Run(baseline, scenario, new NeedsOptions(), Futures) is { } _ ? backtests.Of(baseline) : null;

    /// <summary>The tornado of the budget: 13 forecasts of 2,000 futures.</summary>
    [Benchmark]
    public SensitivityResult SensitivityOfBudget() => Sensitivity.OfBudget(baseline, scenario, new NeedsOptions());
}
