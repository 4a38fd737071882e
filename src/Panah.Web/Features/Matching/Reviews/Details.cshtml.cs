using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Matching;
using Panah.Data.Registry;

namespace Panah.Web.Features.Matching.Reviews;

/// <summary>Two registrations side by side, each field's contribution to the score, and the decision.</summary>
public sealed class DetailsModel(DuplicateReviews reviews, IStringLocalizer<SharedResource> l) : PageModel
{
    public ReviewView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var v = await reviews.GetAsync(id, ct);
        if (v is null)
        {
            return NotFound();
        }
        View = v;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, bool samePerson, long version, CancellationToken ct)
    {
        try
        {
            if (await reviews.DecideAsync(id, samePerson, version, ct) is null)
            {
                return NotFound();
            }
            TempData["Flash"] = (string)l[samePerson ? "Merged: the later registration now points to the earlier one." : "Noted: this pair will not be proposed again."];
        }
        catch (ConcurrencyConflictException)
        {
            TempData["Flash"] = (string)l["Someone else changed this record. Reload it and apply your change again."];
        }
        return RedirectToPage("Index");
    }
}
