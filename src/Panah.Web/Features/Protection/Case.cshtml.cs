using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Protection;
using Panah.Data.Registry;
using Panah.Data.Uploads;

namespace Panah.Web.Features.Protection;

/// <summary>
/// A case: its stage, tasks, assessments and approvals, plan and services, referrals, transfers, tracing, notes and
/// attachments. Every handler calls the store that owns the change (owner, team and supervisor rules are theirs);
/// a case outside the reader's scope is not found, a refusal is said on the page, a stale version answers 409.
/// </summary>
public sealed class CaseModel(CaseReads reads, CaseStore store, CaseWork work, CaseApprovals approvals, IStringLocalizer<SharedResource> l) : PageModel
{
    public CasePage View { get; private set; } = null!;
    public CaseSections Sections { get; private set; } = CaseSections.Empty;

    [BindProperty] public long Version { get; set; }
    [BindProperty] public CaseModelForms.Assessment Assessment { get; set; } = new();
    [BindProperty] public long ApprovalId { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public Guid ItemId { get; set; }
    [BindProperty] public Guid RequestId { get; set; }
    [BindProperty] public PlanItemForm Plan { get; set; } = new();
    [BindProperty] public ServiceForm Service { get; set; } = new();
    [BindProperty] public ReferralForm Referral { get; set; } = new();
    [BindProperty] public ReferralStepForm Step { get; set; } = new();
    [BindProperty] public TransferForm Transfer { get; set; } = new();
    [BindProperty] public TracingForm Tracing { get; set; } = new();
    [BindProperty] public string? NoteText { get; set; }

    public string? Message { get; private set; }

    /// <summary>The reader's account (a transfer offered to them shows its answer).</summary>
    public string? StaffId => HttpContext.RequestServices.GetRequiredService<Panah.Data.Access.AccessScope>().StaffUserId;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostAssessmentAsync(Guid id, CancellationToken ct) => ActAsync(id, async () =>
        await work.RecordAssessmentAsync(id, Version, Assessment.ToInput(), ct) is not null, ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => ActAsync(id, async () =>
        await work.RequestApprovalAsync(id, Version, ApprovalSubject.Closure, null, Comment, ct) is not null, ct);

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct) => ActAsync(id, () => work.ReopenAsync(id, Version, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => ActAsync(id, async () => await approvals.DecideAsync(ApprovalId, true, Comment, ct) is not null, ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) => ActAsync(id, async () => await approvals.DecideAsync(ApprovalId, false, Comment, ct) is not null, ct);

    public Task<IActionResult> OnPostPlanItemAsync(Guid id, [FromServices] CasePlans plans, CancellationToken ct) => ActAsync(id, async () =>
        await plans.AddItemAsync(id, Version, new PlanItemInput(Plan.Goal, Plan.Action, Plan.Who, Plan.DueOn), ct) is not null, ct, "plan");

    public Task<IActionResult> OnPostPlanDoneAsync(Guid id, [FromServices] CasePlans plans, CancellationToken ct) => ActAsync(id, async () =>
        await plans.CompleteItemAsync(id, Version, ItemId, ct) is not null, ct, "plan");

    public Task<IActionResult> OnPostPlanApprovalAsync(Guid id, CancellationToken ct) => ActAsync(id, async () =>
        await work.RequestApprovalAsync(id, Version, ApprovalSubject.CasePlan, null, Comment, ct) is not null, ct, "plan");

    public Task<IActionResult> OnPostServiceAsync(Guid id, [FromServices] CasePlans plans, CancellationToken ct) => ActAsync(id, async () =>
        await plans.RecordServiceAsync(id, Version, new ServiceInput(Service.Type, Service.ProvidedOn, Service.Note), ct) is not null, ct, "services");

    public Task<IActionResult> OnPostServiceDoneAsync(Guid id, [FromServices] CasePlans plans, CancellationToken ct) => ActAsync(id, async () =>
        await plans.CompleteServiceAsync(id, Version, ItemId, ct) is not null, ct, "services");

    public Task<IActionResult> OnPostReferAsync(Guid id, [FromServices] CaseReferrals referrals, CancellationToken ct) => ActAsync(id, async () =>
    {
        var input = new ReferInput(Referral.PartnerId, Referral.Service, Referral.Fields, Referral.OverrideReason);
        // The worker's tick that the person agreed; the registry's consent is the store's to check.
        if (!Referral.ConsentConfirmed && string.IsNullOrWhiteSpace(Referral.OverrideReason))
        {
            return await reads.FindAsync(id, "case.referral.form", ct) is null ? false : throw new CaseRefusedException("ProtectionCase.ConsentTickRequired");
        }
        return await referrals.ReferAsync(id, Version, input, ct) is not null;
    }, ct, "referrals");

    /// <summary>The partner's answer, the service done or a revocation, recorded by the owner (the store's rule) at the version read.</summary>
    public Task<IActionResult> OnPostReferralStepAsync(Guid id, [FromServices] CaseReferrals referrals, CancellationToken ct) => ActAsync(id, async () =>
        Step.Action is { } step && Enum.IsDefined(step)
            ? await referrals.StepAsync(id, ItemId, step, Step.Reason, ct, Version) is not null
            : await reads.FindAsync(id, "case.referral.form", ct) is null ? false : throw new CaseRefusedException("Protection.ReferralStepInvalid"), ct, "referrals");

    public Task<IActionResult> OnPostTransferAsync(Guid id, [FromServices] CaseTransfers transfers, CancellationToken ct) => ActAsync(id, async () =>
        await transfers.OfferAsync(id, Version, Transfer.ToId ?? "", Transfer.Reason, null, ct) is not null, ct, "transfers");

    public Task<IActionResult> OnPostTransferAnswerAsync(Guid id, [FromServices] CaseTransfers transfers, CancellationToken ct) => ActAsync(id, async () =>
        await transfers.AnswerAsync(id, Transfer.TransferId, Transfer.Accept, Transfer.Reason, ct) is not null, ct, "transfers");

    public Task<IActionResult> OnPostTracingAsync(Guid id, [FromServices] TracingRequests tracing, CancellationToken ct) => ActAsync(id, async () =>
        await tracing.OpenAsync(id, Version, Tracing.ToInput(), ct) is not null, ct, "tracing");

    public Task<IActionResult> OnPostTracingSearchAsync(Guid id, [FromServices] TracingRequests tracing, CancellationToken ct) => ActAsync(id, async () =>
        await tracing.SearchAgainAsync(id, RequestId, Version, ct) is not null, ct, "tracing");

    public Task<IActionResult> OnPostRevealAsync(Guid id, [FromServices] TracingRequests tracing, CancellationToken ct) => ActAsync(id, async () =>
        await tracing.RequestRevealAsync(RequestId, ItemId, Version, Comment, ct) is not null, ct, "tracing");

    public Task<IActionResult> OnPostNoteAsync(Guid id, [FromServices] CaseFiles files, CancellationToken ct) => ActAsync(id, async () =>
        await files.AddNoteAsync(id, NoteText, ct) is not null, ct, "notes");

    public Task<IActionResult> OnPostAttachmentAsync(Guid id, IFormFile? upload, [FromServices] CaseFiles files, [FromServices] UploadSanitiser sanitiser, CancellationToken ct) => ActAsync(id, async () =>
    {
        if (upload is { Length: > 0 } && upload.Length > sanitiser.Limits.MaxBytes)
        {
            throw new UploadRefusedException(UploadRefusal.TooLarge);
        }
        using var buffer = new MemoryStream();
        if (upload is not null)
        {
            await upload.CopyToAsync(buffer, ct);
        }
        return await files.AddAttachmentAsync(id, upload?.FileName, buffer.ToArray(), ct) is not null;
    }, ct, "attachments");

    /// <summary>Runs a change, then shows the case again: not found stays not found, a refusal or a stale version is said on the page.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Task<bool>> change, CancellationToken ct, string? section = null)
    {
        try
        {
            if (!await change())
            {
                return NotFound();
            }
            return Redirect($"/Protection/Case/{id}" + (section is null ? "" : "#" + section));
        }
        catch (CaseRefusedException e)
        {
            Message = l[e.Code];
        }
        catch (UploadRefusedException e)
        {
            Message = l[$"Protection.Upload{e.Reason}"];
        }
        catch (ConcurrencyConflictException)
        {
            Message = l["Someone else changed this record. Reload it and apply your change again."];
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await CasePage.ReadAsync(id, reads, store, work, approvals, ct) is not { } read)
        {
            return NotFound();
        }
        var (page, row, key) = read;
        View = page;
        Sections = await CaseSections.LoadAsync(row, key, page.Case, HttpContext.RequestServices, ct);
        Version = page.Case.Version;
        ModelState.Remove(nameof(Version));
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
