using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Panah.Data;
using Panah.Data.Audit;
using Panah.Data.Retention;
using Panah.Web.Features.Registry;

namespace Panah.Web.Features.DataProtection;

/// <summary>
/// Retention for the data protection officer: the rules in force, what the next run would erase (a dry run, with the
/// household codes), the officer's confirmation to run it now, the last runs, and legal holds placed and lifted.
/// </summary>
public sealed class RetentionModel(RetentionCandidates candidates, RetentionJob job, IActor actor, LegalHolds holds, RetentionOptions options, PanahDbContext db,
    IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Household codes listed for the next run at most; the counts cover all of them.</summary>
    public const int CodesShown = 200;

    public sealed class HoldInput
    {
        public string? HouseholdCode { get; set; }
        public string? PersonId { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class RunInput
    {
        public string? Digest { get; set; }

        /// <summary>"true" when ticked; a string, so that any posted value is a form error rather than a checkbox that cannot render it.</summary>
        public string? Confirm { get; set; }
    }

    public sealed record RunRow(DateTimeOffset StartedAt, string RunBy, int People, int Households, int Held, int Left);

    [BindProperty] public HoldInput Hold { get; set; } = new();
    [BindProperty] public RunInput Run { get; set; } = new();

    public RetentionOptions Options => options;
    public RetentionPreview Preview { get; private set; } = new(DateTimeOffset.MinValue, [], 0);
    public List<string> Codes { get; private set; } = [];
    public List<RunRow> Runs { get; private set; } = [];
    public List<LegalHoldView> Holds { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRunAsync()
    {
        if (!string.Equals(Run.Confirm, "true", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Run.Confirm", l["Retention.ConfirmRequired"]);
        }
        if (string.IsNullOrWhiteSpace(Run.Digest))
        {
            ModelState.AddModelError("Run.Digest", l["Retention.Changed"]);
        }
        if (ModelState.ErrorCount == 0)
        {
            var report = await job.RunConfirmedAsync(Run.Digest!.Trim(), actor, HttpContext.RequestAborted);
            switch (report.Outcome)
            {
                case RetentionOutcome.Ran:
                    TempData["Flash"] = (string)l["Retention.Ran", report.Run!.People, report.Run.Households];
                    return RedirectToPage();
                case RetentionOutcome.Busy:
                    ModelState.AddModelError("", l["Retention.Busy"]);
                    break;
                default:
                    ModelState.AddModelError("", l["Retention.Changed"]);
                    break;
            }
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostHoldAsync()
    {
        var code = Hold.HouseholdCode?.Trim();
        var person = Hold.PersonId?.Trim();
        Guid personId = default;
        if (string.IsNullOrEmpty(code) == string.IsNullOrEmpty(person))
        {
            ModelState.AddModelError("Hold.HouseholdCode", l["Retention.HoldTarget"]);
        }
        else if (!string.IsNullOrEmpty(person) && !Guid.TryParse(person, out personId))
        {
            ModelState.AddModelError("Hold.PersonId", l["Enter the person's id."]);
        }
        else if (!string.IsNullOrEmpty(code) && code.Length > 20)
        {
            ModelState.AddModelError("Hold.HouseholdCode", l["No household has this code."]);
        }
        if (LegalHolds.CheckReason(Hold.Reason) is { } problem)
        {
            ModelState.AddModelError("Hold.Reason", RegistryMapping.Translate(l, problem));
        }
        if (ModelState.ErrorCount == 0)
        {
            var ct = HttpContext.RequestAborted;
            if (!string.IsNullOrEmpty(code))
            {
                if (await holds.PlaceOnHouseholdAsync(code, Hold.Reason!, ct) is not null)
                {
                    TempData["Flash"] = (string)l["Retention.HoldPlaced"];
                    return RedirectToPage();
                }
                ModelState.AddModelError("Hold.HouseholdCode", l["No household has this code."]);
            }
            else if (await holds.PlaceOnPersonAsync(personId, Hold.Reason!, ct) is not null)
            {
                TempData["Flash"] = (string)l["Retention.HoldPlaced"];
                return RedirectToPage();
            }
            else
            {
                ModelState.AddModelError("Hold.PersonId", l["No person has this id."]);
            }
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostLiftAsync(long id)
    {
        if (await holds.LiftAsync(id, HttpContext.RequestAborted))
        {
            TempData["Flash"] = (string)l["Retention.HoldLifted"];
            return RedirectToPage();
        }
        ModelState.AddModelError("", l["Retention.NoSuchHold"]);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Preview = await candidates.PreviewAsync(ct);
        Codes = Preview.Candidates.Select(c => c.HouseholdCode).Distinct().Take(CodesShown).ToList();
        Runs = (await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(20).ToListAsync(ct))
            .Select(r => new RunRow(r.StartedAt, r.RunBy, r.People, r.Households, r.Held, r.Left)).ToList();
        Holds = await holds.ListAsync(100, ct);
    }
}
