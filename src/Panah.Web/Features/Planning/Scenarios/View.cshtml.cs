using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Core.Planning;
using Panah.Data.Planning;

namespace Panah.Web.Features.Planning.Scenarios;

/// <summary>A stored scenario forecast on the reader's baseline: fan chart, needs table, the tornado of the budget, the backtest and the exports.</summary>
public sealed class ViewModel(ScenarioStore store, ScenarioForecasts forecasts) : PageModel
{
    public ScenarioForecast Run { get; private set; } = null!;
    public SensitivityResult Sensitivity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null || await store.GetAsync(id.Value, ct) is not { } stored)
        {
            return NotFound();
        }
        Run = await forecasts.RunAsync(stored, ct);
        Sensitivity = await forecasts.SensitivityAsync(stored, ct);
        return Page();
    }
}
