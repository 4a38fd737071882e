using System.Globalization;
using MiniExcelLibs;
using Panah.Core;
using Panah.Core.Planning;

namespace Panah.Data.Planning;

/// <summary>
/// A scenario's forecast as XLSX: a <c>scenario</c> sheet (its assumptions and the backtest), a <c>population</c>
/// sheet (the fan chart's numbers by month) and a <c>needs</c> sheet (every need by month, median and 50 / 80 / 95 %
/// intervals). Aggregates only; the planner's own text (name, triggers) is made safe (<see cref="CsvText.Safe"/>) so
/// it cannot run as a formula.
/// </summary>
public static class ForecastWorkbook
{
    public static readonly string[] Sheets = ["scenario", "population", "needs"];

    public static void WriteXlsx(Stream to, Scenario scenario, Forecast forecast, BacktestResult? backtest)
    {
        static string Month(DateOnly m) => m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var about = new List<Dictionary<string, object>>
        {
            Line("name", CsvText.Safe(scenario.Name)),
            Line("triggers", CsvText.Safe(scenario.Triggers)),
            Line("start", Month(scenario.Start)),
            Line("horizon_months", scenario.HorizonMonths),
            Line("assumption", scenario.Assumption.ToString()),
            Line("low", scenario.Arrivals.Low),
            Line("likely", scenario.Arrivals.Likely),
            Line("high", scenario.Arrivals.High),
            Line("futures", forecast.Futures),
            Line("seed", forecast.Seed),
        };
        if (backtest is { } t)
        {
            about.Add(Line("backtest_fitted_months", t.FittedMonths));
            about.Add(Line("backtest_held_out_months", t.HeldOutMonths));
            about.Add(Line("backtest_mean_absolute_error", Math.Round(t.MeanAbsoluteError, 1)));
            about.Add(Line("backtest_coverage_80", Math.Round(t.Coverage80, 3)));
        }
        var population = forecast.Months.Select((m, i) => Row(Month(m), null, forecast.Bands[Needs.Population][i], withFifty: true));
        var needs = forecast.Keys.SelectMany(k => forecast.Months.Select((m, i) => Row(Month(m), k, forecast.Bands[k][i], withFifty: false)));
        to.SaveAs(new Dictionary<string, object> { [Sheets[0]] = about, [Sheets[1]] = population.ToList(), [Sheets[2]] = needs.ToList() });
    }

    private static Dictionary<string, object> Line(string field, object value) => new() { ["field"] = field, ["value"] = value };

    private static Dictionary<string, object> Row(string month, string? need, Band b, bool withFifty)
    {
        var row = new Dictionary<string, object>();
        if (need is not null)
        {
            row["need"] = need;
        }
        row["month"] = month;
        row["median"] = b.Median;
        if (withFifty)
        {
            row["low50"] = b.Low50;
            row["high50"] = b.High50;
        }
        row["low80"] = b.Low80;
        row["high80"] = b.High80;
        row["low95"] = b.Low95;
        row["high95"] = b.High95;
        return row;
    }
}
