using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Planning;

namespace Panah.Web.Features.Planning.Scenarios;

/// <summary>The stored scenarios: open one, edit it, or tick two or three to compare.</summary>
public sealed class IndexModel(ScenarioStore store) : PageModel
{
    public List<ScenarioView> Scenarios { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Scenarios = await store.ListAsync(ct);
}
