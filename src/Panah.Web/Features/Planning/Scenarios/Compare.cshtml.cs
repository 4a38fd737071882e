using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Planning;

namespace Panah.Web.Features.Planning.Scenarios;

/// <summary>Two or three stored scenarios side by side on the same baseline: their fan charts and key needs at month 3 and at the horizon.</summary>
public sealed class CompareModel(ScenarioStore store, ScenarioForecasts forecasts) : PageModel
{
    public List<ScenarioForecast> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] int[]? ids, CancellationToken ct)
    {
        var asked = (ids ?? []).Distinct().ToList();
        var found = asked.Count is >= 2 and <= 3 ? await store.GetManyAsync(asked, ct) : [];
        if (found.Count == asked.Count && found.Count >= 2)
        {
            Runs = await forecasts.RunAsync(found, ct: ct);
        }
        return Page();
    }
}
