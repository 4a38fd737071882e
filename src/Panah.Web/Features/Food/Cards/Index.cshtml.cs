using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Panah.Core.Food;
using Panah.Data;
using Panah.Data.Food;
using Panah.Data.Registry;
using Panah.Web.Features.Registry;

namespace Panah.Web.Features.Food.Cards;

/// <summary>
/// Food cards: issue them for an office or a cycle (every household without an active card) or for one household,
/// download the printable sheet, find a card by its number, revoke or reissue it. Every card and household shown is
/// in the staff member's scope (the data layer's filter), and only codes and numbers are shown, never names.
/// </summary>
public sealed class IndexModel(PanahDbContext db, CardIssuance issuance, CardLookup lookup, RegistryStore registry, CardSheet sheet, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class BatchInput
    {
        public int? OfficeId { get; set; }
        public int? CycleId { get; set; }
    }

    public sealed class CardInput
    {
        public string? Number { get; set; }
        public string? HouseholdCode { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public BatchInput Batch { get; set; } = new();
    [BindProperty] public CardInput Card { get; set; } = new();

    public List<SelectListItem> Offices { get; private set; } = [];
    public List<SelectListItem> Cycles { get; private set; } = [];
    public List<SelectListItem> Reasons { get; private set; } = [];
    public CardRecordView? Found { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        if (!await CheckBatchAsync(ct))
        {
            return await PageAsync(ct);
        }
        var issued = await issuance.IssueMissingAsync(Batch.OfficeId, Batch.CycleId, null, ct);
        TempData["Flash"] = (string)l["Cards.IssuedCount", issued];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSheetAsync(CancellationToken ct)
    {
        if (!await CheckBatchAsync(ct))
        {
            return await PageAsync(ct);
        }
        var labels = SheetLabels();
        // Built before the first byte goes out, so that an empty sheet is a message on the page, not a broken download.
        var pdf = new MemoryStream();
        if (await sheet.WriteAsync(pdf, new CardSheetRequest(Batch.OfficeId, Batch.CycleId), labels, ct) == 0)
        {
            ModelState.AddModelError("Batch.OfficeId", l["Cards.NoneToPrint"]);
            return await PageAsync(ct);
        }
        pdf.Position = 0;
        Response.Headers.CacheControl = "no-store";
        return File(pdf, "application/pdf", "food-cards.pdf");
    }

    public async Task<IActionResult> OnPostIssueOneAsync(CancellationToken ct)
    {
        var outcome = await registry.HouseholdIdAsync(Card.HouseholdCode, ct) is { } id ? await issuance.IssueAsync(id, ct) : new CardOutcome(CardOutcomeKind.NotFound);
        if (outcome.Kind == CardOutcomeKind.NotFound)
        {
            ModelState.AddModelError("Card.HouseholdCode", l["Cards.NoSuchHousehold"]);
            return await PageAsync(ct);
        }
        if (outcome.Kind == CardOutcomeKind.Unchanged)
        {
            ModelState.AddModelError("Card.HouseholdCode", l["Cards.AlreadyActive"]);
        }
        return await ShowAsync(outcome.Card!.Number, ct);
    }

    public Task<IActionResult> OnPostFindAsync(CancellationToken ct) => ShowAsync(Card.Number, ct);

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken ct) => ChangeAsync(issuance.RevokeAsync, ct);

    public Task<IActionResult> OnPostReissueAsync(CancellationToken ct) => ChangeAsync(issuance.ReissueAsync, ct);

    private async Task<IActionResult> ChangeAsync(Func<string, CardRevocationReason, CancellationToken, Task<CardOutcome>> change, CancellationToken ct)
    {
        if (!EnumNames.TryParse<CardRevocationReason>(Card.Reason, out var reason))
        {
            ModelState.AddModelError("Card.Reason", l["Cards.ReasonRequired"]);
            return await ShowAsync(Card.Number, ct);
        }
        var outcome = await change(Card.Number ?? "", reason, ct);
        switch (outcome.Kind)
        {
            case CardOutcomeKind.Done:
                TempData["Flash"] = (string)l[outcome.Card!.Status == CardStatus.Revoked ? "Cards.Revoked" : "Cards.Reissued"];
                return await ShowAsync(outcome.Card.Number, ct);
            case CardOutcomeKind.Unchanged:
                ModelState.AddModelError("Card.Number", l["Cards.AlreadyRevoked"]);
                break;
            case CardOutcomeKind.Superseded:
                ModelState.AddModelError("Card.Number", l["Cards.Superseded"]);
                break;
            default:
                ModelState.AddModelError("Card.Number", l["Cards.NoSuchCard"]);
                break;
        }
        return await ShowAsync(Card.Number, ct);
    }

    /// <summary>The page with the card <paramref name="number"/> (any status, in scope) shown, its look-up audited.</summary>
    private async Task<IActionResult> ShowAsync(string? number, CancellationToken ct)
    {
        if (!CardNumber.TryNormalize(number, out var normalized))
        {
            ModelState.AddModelError("Card.Number", l["Cards.NotANumber"]);
            return await PageAsync(ct);
        }
        Found = await lookup.FindAsync(normalized, ct);
        if (Found is null)
        {
            ModelState.AddModelError("Card.Number", l["Cards.NoSuchCard"]);
            return await PageAsync(ct);
        }
        Card = new CardInput { Number = Found.Number };
        ModelState.Remove("Card.Number");
        return await PageAsync(ct);
    }

    private async Task<bool> CheckBatchAsync(CancellationToken ct)
    {
        if (Batch.OfficeId is null && Batch.CycleId is null)
        {
            ModelState.AddModelError("Batch.OfficeId", l["Cards.OfficeOrCycle"]);
        }
        else if ((Batch.OfficeId is { } office && !await db.FieldOffices.AnyAsync(o => o.Id == office, ct))
            || (Batch.CycleId is { } cycle && !await db.DistributionCycles.AnyAsync(c => c.Id == cycle, ct)))
        {
            ModelState.AddModelError("Batch.OfficeId", l["Cards.OfficeOrCycle"]);
        }
        return ModelState.ErrorCount == 0;
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Offices = await db.FieldOffices.AsNoTracking().OrderBy(o => o.Code)
            .Select(o => new SelectListItem(o.Code + " · " + o.Name, o.Id.ToString())).ToListAsync(ct);
        Cycles = await db.DistributionCycles.AsNoTracking().Where(c => c.Status != CycleStatus.Draft).OrderByDescending(c => c.StartsOn)
            .Select(c => new SelectListItem(c.Programme!.Name + " · " + c.Name, c.Id.ToString())).ToListAsync(ct);
        Reasons = Enum.GetValues<CardRevocationReason>().Select(r => new SelectListItem(l["Cards.Reason." + r], EnumNames.Name(r))).ToList();
    }

    /// <summary>The card's labels in the staff member's language (the sheet shapes Uyghur itself).</summary>
    private CardSheetLabels SheetLabels() =>
        new(l["Cards.SheetTitle"], l["Cards.Household"], l["Cards.Number"], l["Food assistance"]);
}
