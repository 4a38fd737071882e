using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Matching;

namespace Panah.Web.Features.Matching.Reviews;

/// <summary>The review queue: start a batch run over the registry, watch its progress, see the queue's size and expected precision, open a pair or a group to decide.</summary>
public sealed class IndexModel(DuplicateReviews reviews, DuplicateRunner runner, IActor actor) : PageModel
{
    [BindProperty(SupportsGet = true)] public ReviewStatus Status { get; set; } = ReviewStatus.Pending;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<ReviewSummary> Items { get; private set; } = [];
    public int Total { get; private set; }
    public DuplicateRunStatus Run { get; private set; } = null!;
    public QueueSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Run = runner.Status;
        Summary = await reviews.SummaryAsync(ct);
        (Items, Total) = await reviews.ListAsync(Status, PageNumber, 25, ct);
    }

    public IActionResult OnPostRun()
    {
        runner.Start(actor);
        return RedirectToPage();
    }

    public string PageUrl(int page) => $"?status={Status}&p={page}";
}
