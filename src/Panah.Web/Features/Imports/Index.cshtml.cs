using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Imports;

namespace Panah.Web.Features.Imports;

/// <summary>The import jobs of the officer's offices, newest first, with where each stands.</summary>
public sealed class IndexModel(ImportJobs jobs) : PageModel
{
    public List<ImportJobView> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Jobs = await jobs.ListAsync(ct);
}
