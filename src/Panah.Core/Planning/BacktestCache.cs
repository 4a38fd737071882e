using System.Collections.Concurrent;

namespace Panah.Core.Planning;

/// <summary>
/// The backtest of a baseline, worked out once: it depends only on the monthly arrivals, so it is kept by the
/// baseline's last month and its counts (each reader's offices give their own counts, hence their own entry). A new
/// registration changes the counts and so the key; old entries are dropped when <see cref="Capacity"/> is reached.
/// </summary>
public sealed class BacktestCache
{
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<(DateOnly LastMonth, string Counts), BacktestResult?> results = new();

    /// <summary>The backtest of <paramref name="baseline"/>'s arrivals (see <see cref="Backtest.Run"/>), from the cache when it was run before.</summary>
    public BacktestResult? Of(Baseline baseline)
    {
        var key = (baseline.LastMonth, string.Join(',', baseline.MonthlyArrivals));
        if (results.TryGetValue(key, out var known))
        {
            return known;
        }
        if (results.Count >= Capacity)
        {
            results.Clear();
        }
        // Two requests may both run it the first time: the same inputs give the same result, so either is kept.
        return results.GetOrAdd(key, _ => Backtest.Run(baseline.MonthlyArrivals));
    }
}
