using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Protection;

namespace Panah.Web.Features.Protection;

/// <summary>My cases: those the worker owns or is assigned, and for a supervisor their team's; a GBV name only for its owner.</summary>
public sealed class IndexModel(CaseStore store) : PageModel
{
    public List<CaseSummary> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cases = await store.MineAsync(ct);
        Response.Headers.CacheControl = "no-store";
    }
}
