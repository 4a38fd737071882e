using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Access;
using Panah.Data.Exports;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Exports;

/// <summary>The data protection officer's gate: every request with its purpose, recipient, dataset and row count, approved or refused here (never one's own), and the recipients' keys.</summary>
public sealed class QueueModel(ExportGate gate, ActingStaff staff, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<ExportView> Requests { get; private set; } = [];
    public IReadOnlyList<RecipientView> Recipients { get; private set; } = [];
    public string Me => staff.Id;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Organisation { get; set; }

    [BindProperty]
    public string? PublicKey { get; set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => await DecidedAsync(await gate.ApproveAsync(id, ct), ct);

    public async Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct) => await DecidedAsync(await gate.RefuseAsync(id, ct), ct);

    public async Task<IActionResult> OnPostAddRecipientAsync(CancellationToken ct)
    {
        var (recipient, errors) = await gate.AddRecipientAsync(Name, Organisation, PublicKey, ct);
        if (recipient is not null)
        {
            return RedirectToPage();
        }
        ModelState.AddFieldErrors(ExportsApi.Keys(errors), l, field => char.ToUpperInvariant(field[0]) + field[1..]);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveRecipientAsync(int id, CancellationToken ct) =>
        await gate.RemoveRecipientAsync(id, ct) ? RedirectToPage() : NotFound();

    private async Task<IActionResult> DecidedAsync(ExportOutcome outcome, CancellationToken ct)
    {
        if (outcome.Refusal == ExportRefusal.NotFound)
        {
            return NotFound();
        }
        if (outcome.Refusal == ExportRefusal.None)
        {
            return RedirectToPage();
        }
        Message = outcome.Message is { } key ? RegistryMapping.Translate(l, key) : null;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Requests = await gate.AllAsync(ct);
        Recipients = await gate.RecipientsAsync(ct);
    }
}
