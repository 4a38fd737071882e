using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Core.Planning;
using Panah.Data.Planning;

namespace Panah.Web.Features.Planning;

/// <summary>
/// A stored scenario's forecast as files: the needs by month with their intervals as XLSX, and the printable PDF brief
/// (scenario, triggers, first three months, budget, backtest). Aggregates, no one's data, but each export is audited.
/// </summary>
public static class PlanningExportsApi
{
    public static RouteGroupBuilder MapPlanningExportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/scenarios/{id:int}/forecast.xlsx", Workbook).WithName("ExportPlanningForecast").WithSummary("The forecast as XLSX")
            .WithDescription("Sheets: scenario (assumptions and backtest), population (median and 50 / 80 / 95 % intervals by month), needs (every need by month). Audited.");
        api.MapGet("/scenarios/{id:int}/brief.pdf", Brief).WithName("PlanningBrief").WithSummary("The printable PDF brief")
            .WithDescription("One A4 page in the reader's language: the scenario, its triggers, the needs of the first three months with 80 % intervals, the budget and the backtest's accuracy. Audited.");
        return api;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Workbook(int id, ScenarioStore store, ScenarioForecasts forecasts, HttpResponse response, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } stored)
        {
            return TypedResults.NotFound();
        }
        var run = await forecasts.RunAsync(stored, ct);
        await store.RecordExportAsync(id, "xlsx", ct);
        using var file = new MemoryStream();
        ForecastWorkbook.WriteXlsx(file, stored.Scenario, run.Forecast, run.Backtest);
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(file.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"forecast-{id}.xlsx");
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Brief(
        int id, ScenarioStore store, ScenarioForecasts forecasts, IStringLocalizer<SharedResource> l, IConfiguration configuration, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } stored)
        {
            return TypedResults.NotFound();
        }
        var run = await forecasts.RunAsync(stored, ct);
        await store.RecordExportAsync(id, "pdf", ct);
        var pdf = PlanningBrief.Render(stored.Scenario, run.Forecast, Text(run, l, clock), configuration);
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(pdf, "application/pdf", $"planning-brief-{id}.pdf");
    }

    /// <summary>The brief's words in the reader's language.</summary>
    internal static PlanningBriefText Text(ScenarioForecast run, IStringLocalizer l, TimeProvider clock)
    {
        var culture = CultureInfo.CurrentCulture;
        var s = run.Stored.Scenario;
        var f = run.Forecast;
        string N(double v) => v.ToString("N0", culture);
        var first = f.Bands[Needs.BudgetToDate][Math.Min(PlanningBrief.FirstMonths, f.Months.Count) - 1];
        var whole = f.Bands[Needs.BudgetToDate][^1];
        var t = run.Backtest;
        return new PlanningBriefText(
            s.Name,
            [
                l["Planning.Brief.Start", s.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture), s.HorizonMonths],
                l["Planning.Brief.Arrivals", l["Planning.Assumption." + s.Assumption], s.Arrivals.Low.ToString("0.##", culture), s.Arrivals.Likely.ToString("0.##", culture), s.Arrivals.High.ToString("0.##", culture)],
                l["Planning.Brief.Baseline", N(run.Baseline.Population), run.Baseline.MonthlyArrivals.Count],
            ],
            l["Planning.Triggers"],
            l["Planning.Brief.FirstMonths"],
            l["Planning.Need"],
            PlanningBrief.TableNeeds.ToDictionary(k => k, k => l["Planning.Need." + k].Value),
            [
                l["Planning.Brief.Budget", Math.Min(PlanningBrief.FirstMonths, f.Months.Count), N(first.Median), N(first.Low80), N(first.High80)],
                l["Planning.Brief.Budget", f.Months.Count, N(whole.Median), N(whole.Low80), N(whole.High80)],
            ],
            t is null ? l["Planning.NoBacktest"] : l["Planning.BacktestLine", t.FittedMonths, t.HeldOutMonths, t.MeanAbsoluteError.ToString("N0", culture), t.Coverage80.ToString("P0", culture)],
            l["Planning.Brief.Footer", f.Futures.ToString("N0", culture), f.Seed, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
            culture);
    }
}
