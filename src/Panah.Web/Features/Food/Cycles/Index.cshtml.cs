using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Food;

namespace Panah.Web.Features.Food.Cycles;

/// <summary>The distribution cycles, newest first.</summary>
public sealed class IndexModel(CycleStore store) : PageModel
{
    public List<CycleSummary> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Cycles = await store.ListAsync(ct);
}
