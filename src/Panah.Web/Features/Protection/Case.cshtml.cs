using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Protection;
using Panah.Data.Registry;

namespace Panah.Web.Features.Protection;

/// <summary>
/// A case: its stage, tasks, assessments and approvals. The owner records assessments and asks to close or reopens;
/// the team's supervisor approves or rejects. A case outside the reader's scope is not found.
/// </summary>
public sealed class CaseModel(CaseReads reads, CaseStore store, CaseWork work, CaseApprovals approvals, IStringLocalizer<SharedResource> l) : PageModel
{
    public CasePage View { get; private set; } = null!;

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public AssessmentForm Assessment { get; set; } = new();

    [BindProperty]
    public long ApprovalId { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public string? Message { get; private set; }

    public sealed class AssessmentForm
    {
        public string? Needs { get; set; }
        public string? Risks { get; set; }
        public string? Strengths { get; set; }
        public string? CareArrangement { get; set; }
        public bool BestInterests { get; set; }
        public BidReason? BidRequired { get; set; }
    }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostAssessmentAsync(Guid id, CancellationToken ct) => ActAsync(id, async () =>
        await work.RecordAssessmentAsync(id, Version, new AssessmentInput(
            new AssessmentDetails(Assessment.Needs, Assessment.Risks, Assessment.Strengths, Assessment.CareArrangement), Assessment.BestInterests, Assessment.BidRequired), ct) is not null, ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => ActAsync(id, async () =>
        await work.RequestApprovalAsync(id, Version, ApprovalSubject.Closure, null, Comment, ct) is not null, ct);

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct) => ActAsync(id, () => work.ReopenAsync(id, Version, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => ActAsync(id, async () => await approvals.DecideAsync(ApprovalId, true, Comment, ct) is not null, ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) => ActAsync(id, async () => await approvals.DecideAsync(ApprovalId, false, Comment, ct) is not null, ct);

    /// <summary>Runs a change, then shows the case again: not found stays not found, a refusal or a stale version is said on the page.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Task<bool>> change, CancellationToken ct)
    {
        try
        {
            if (!await change())
            {
                return NotFound();
            }
            return Redirect($"/Protection/Case/{id}");
        }
        catch (CaseRefusedException e)
        {
            Message = l[e.Code];
        }
        catch (ConcurrencyConflictException)
        {
            Message = l["Someone else changed this record. Reload it and apply your change again."];
        }
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await CasePage.LoadAsync(id, reads, store, work, approvals, ct) is not { } page)
        {
            return NotFound();
        }
        View = page;
        Version = page.Case.Version;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
