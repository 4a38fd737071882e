using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Core.Planning;
using Panah.Data.Planning;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Planning;

/// <summary>
/// Influx planning: the registry's baseline, a scenario's arrivals as a range, and the forecast as a fan chart of the
/// population to serve and a table of needs by month with their 80 % intervals, beside the backtest's error on the
/// registry's own past. Nothing is stored: the same inputs and seed give the same forecast.
/// </summary>
public sealed class IndexModel(PlanningBaselines baselines, BaselineStructures structures, PlanningNeeds needs, BacktestCache backtests, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ScenarioForm Input { get; set; } = new();

    public Baseline Baseline { get; private set; } = null!;

    /// <summary>Who the baseline's people are: households by size, people by sex and age group.</summary>
    public BaselineStructure Structure { get; private set; } = null!;
    public Forecast? Forecast { get; private set; }
    public BacktestResult? Backtest { get; private set; }

    /// <summary>Where the forecast's food comes from.</summary>
    public PlannedRation? Ration { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Baseline = await baselines.CurrentAsync(ct);
        Structure = await structures.CurrentAsync(ct);
        Input.Start ??= Baseline.LastMonth.AddMonths(1);
        Backtest = backtests.Of(Baseline);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Baseline = await baselines.CurrentAsync(ct);
        Structure = await structures.CurrentAsync(ct);
        Backtest = backtests.Of(Baseline);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (scenario, errors) = PlanningMapping.ToScenario(Input.ToBody(), Baseline.LastMonth.AddMonths(1));
        if (scenario is null)
        {
            ModelState.AddFieldErrors(errors, l, ScenarioForm.FieldOf);
            return Page();
        }
        var inputs = await needs.CurrentAsync(ct);
        Ration = inputs.Ration;
        Forecast = Forecaster.Run(Baseline, scenario, inputs.Needs);
        return Page();
    }
}
