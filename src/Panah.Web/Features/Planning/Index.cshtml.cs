using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Core.Planning;
using Panah.Data.Planning;

namespace Panah.Web.Features.Planning;

/// <summary>
/// Influx planning: the registry's baseline, a scenario's arrivals as a range, and the forecast as a fan chart of the
/// population to serve and a table of needs by month with their 80 % intervals, beside the backtest's error on the
/// registry's own past. Nothing is stored: the same inputs and seed give the same forecast.
/// </summary>
public sealed class IndexModel(PlanningBaselines baselines, NeedsOptions needs, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ScenarioForm Input { get; set; } = new();

    public Baseline Baseline { get; private set; } = null!;
    public Forecast? Forecast { get; private set; }
    public BacktestResult? Backtest { get; private set; }

    /// <summary>The needs the table shows, in order (each commodity's food comes with the total).</summary>
    public static IReadOnlyList<string> Shown { get; } =
        [Needs.Population, Needs.Arrivals, Needs.FoodTonnes, Needs.Points, Needs.Clerks, Needs.Seats, Needs.Sections, Needs.Teachers, Needs.ChildCaseWorkers, Needs.WomenCaseWorkers, Needs.Budget];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Baseline = await baselines.CurrentAsync(ct);
        Input.Start ??= Baseline.LastMonth.AddMonths(1);
        Backtest = Core.Planning.Backtest.Run(Baseline.MonthlyArrivals);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Baseline = await baselines.CurrentAsync(ct);
        Backtest = Core.Planning.Backtest.Run(Baseline.MonthlyArrivals);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (scenario, errors) = PlanningMapping.ToScenario(Input.ToBody(), Baseline.LastMonth.AddMonths(1));
        if (scenario is null)
        {
            foreach (var (field, keys) in errors)
            {
                keys.ForEach(k => ModelState.AddModelError($"Input.{char.ToUpperInvariant(field[0])}{field[1..]}", l[k]));
            }
            return Page();
        }
        Forecast = Forecaster.Run(Baseline, scenario, needs);
        return Page();
    }

    /// <summary>The scenario form; the range is low / likely / high of the chosen assumption.</summary>
    public sealed class ScenarioForm
    {
        public string? Name { get; set; }
        public DateOnly? Start { get; set; }
        public int HorizonMonths { get; set; } = 12;
        public string? Triggers { get; set; }
        public ArrivalAssumption Assumption { get; set; } = ArrivalAssumption.Multiplier;
        public double? Low { get; set; }
        public double? Likely { get; set; }
        public double? High { get; set; }

        public ScenarioBody ToBody() => new(Name, Start, HorizonMonths, Triggers, Assumption.ToString(), Low, Likely, High);
    }
}
