namespace Panah.Core.Planning;

/// <summary>How the forecast did on the registry's own past: fitted on the first months, judged on the rest.</summary>
/// <param name="FittedMonths">Months the model saw.</param>
/// <param name="HeldOutMonths">Months it forecast and was judged on.</param>
/// <param name="MeanAbsoluteError">Mean absolute error of the median monthly arrivals.</param>
/// <param name="Coverage80">Share of held-out months whose actual arrivals fell inside the 80 % interval.</param>
public sealed record BacktestResult(int FittedMonths, int HeldOutMonths, double MeanAbsoluteError, double Coverage80);

/// <summary>The honest-accuracy check shown next to every forecast (UNHCR Jetson, DRC Foresight: judged by past error).</summary>
public static class Backtest
{
    /// <summary>
    /// Fits on the first <paramref name="fitMonths"/> of <paramref name="monthly"/> (oldest first; by default the first
    /// two thirds) and forecasts each later month's arrivals; null when the history is too short to hold any out.
    /// </summary>
    public static BacktestResult? Run(IReadOnlyList<int> monthly, int? fitMonths = null, int futures = 4_000, int seed = Forecaster.DefaultSeed)
    {
        var fit = fitMonths ?? (int)Math.Ceiling(monthly.Count * 2 / 3.0);
        if (fit < 1 || fit >= monthly.Count)
        {
            return null;
        }
        var model = ArrivalModel.Fit([.. monthly.Take(fit)]);
        var held = monthly.Count - fit;
        var random = new Random(seed);
        var draws = new double[held][];
        for (var m = 0; m < held; m++)
        {
            draws[m] = new double[futures];
        }
        for (var f = 0; f < futures; f++)
        {
            var level = model.DrawLevel(random);
            var dispersion = model.DrawDispersion(random, level);
            for (var m = 0; m < held; m++)
            {
                draws[m][f] = model.DrawMonth(random, level, dispersion);
            }
        }
        var bands = Band.OfEach(draws);
        var actual = monthly.Skip(fit).ToArray();
        var mae = actual.Select((y, m) => Math.Abs(y - bands[m].Median)).Average();
        var coverage = actual.Where((y, m) => bands[m].Within80(y)).Count() / (double)held;
        return new BacktestResult(fit, held, mae, coverage);
    }
}
