using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Protection;

namespace Panah.Web.Features.Protection;

/// <summary>A supervisor's caseload: per team, each case worker's open cases by stage and risk, their band and overdue tasks (counts only, through the scope).</summary>
public sealed class CaseloadModel(Caseload caseload) : PageModel
{
    public List<TeamLoad> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Teams = await caseload.OfSupervisedTeamsAsync(ct);
        Response.Headers.CacheControl = "no-store";
    }
}
