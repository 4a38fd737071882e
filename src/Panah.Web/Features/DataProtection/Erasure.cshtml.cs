using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Panah.Data;
using Panah.Data.Erasure;
using Panah.Web.Features.Registry;

namespace Panah.Web.Features.DataProtection;

/// <summary>
/// The data protection officer erases a person: their id (from a subject-access request or the audit), a reason,
/// and a confirmation that it cannot be undone. The page shows the latest erasures, ids only.
/// </summary>
public sealed class ErasureModel(PersonErasure erasure, PanahDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class EraseInput
    {
        public string? PersonId { get; set; }
        public string? Reason { get; set; }
        public bool Confirm { get; set; }
    }

    public sealed record ErasureRow(Guid PersonId, DateTimeOffset ErasedAt, string ErasedBy);

    [BindProperty] public EraseInput Input { get; set; } = new();

    public List<ErasureRow> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Guid.TryParse(Input.PersonId?.Trim(), out var personId))
        {
            ModelState.AddModelError("Input.PersonId", l["Enter the person's id."]);
        }
        if (PersonErasure.CheckReason(Input.Reason) is { } problem)
        {
            ModelState.AddModelError("Input.Reason", RegistryMapping.Translate(l, problem));
        }
        if (!Input.Confirm)
        {
            // A posted value that is not a boolean would be echoed back into the checkbox, which cannot render it.
            ModelState.Remove("Input.Confirm");
            ModelState.AddModelError("Input.Confirm", l["Confirm that the erasure cannot be undone."]);
        }
        if (ModelState.ErrorCount > 0)
        {
            await LoadAsync(ct);
            return Page();
        }
        switch (await erasure.EraseAsync(personId, Input.Reason!, ct))
        {
            case ErasureOutcome.Erased:
                TempData["Flash"] = (string)l["The person's personal data is erased."];
                return RedirectToPage();
            case ErasureOutcome.AlreadyErased:
                ModelState.AddModelError("Input.PersonId", l["This person's personal data has been erased."]);
                break;
            default:
                ModelState.AddModelError("Input.PersonId", l["No person has this id."]);
                break;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Recent = (await db.Erasures.AsNoTracking().OrderByDescending(e => e.Id).Take(20)
            .Select(e => new { e.PersonId, e.ErasedAt, e.ErasedBy }).ToListAsync(ct))
            .Select(e => new ErasureRow(e.PersonId, e.ErasedAt, e.ErasedBy)).ToList();
}
