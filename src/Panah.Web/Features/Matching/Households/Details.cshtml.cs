using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Matching;
using Panah.Data.Registry;

namespace Panah.Web.Features.Matching.Households;

/// <summary>Two households side by side, and the decision: one household (merge), not one, or undo a merge.</summary>
public sealed class DetailsModel(HouseholdDuplicates duplicates, HouseholdMerge merge, IStringLocalizer<SharedResource> l) : PageModel
{
    public HouseholdDuplicateView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var v = await duplicates.GetAsync(id, ct);
        if (v is null)
        {
            return NotFound();
        }
        View = v;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, bool sameHousehold, long version, CancellationToken ct) =>
        Decide(id, async () => sameHousehold ? await merge.MergeAsync(id, version, ct) : await duplicates.NotSameAsync(id, version, ct),
            sameHousehold ? "Merged: the later household's members now belong to the earlier one." : "Noted: these households will not be proposed again.");

    public Task<IActionResult> OnPostUndoAsync(Guid id, long version, CancellationToken ct) =>
        Decide(id, () => merge.UndoAsync(id, version, ct), "Undone: both households are as they were before the merge.");

    private async Task<IActionResult> Decide(Guid id, Func<Task<Panah.Data.Matching.HouseholdDuplicate?>> action, string done)
    {
        try
        {
            if (await action() is null)
            {
                return NotFound();
            }
            TempData["Flash"] = (string)l[done];
        }
        catch (ConcurrencyConflictException)
        {
            TempData["Flash"] = (string)l["Someone else changed this record. Reload it and apply your change again."];
        }
        catch (Exception e) when (e is MergeExpiredException or ErasedRecordException)
        {
            TempData["Flash"] = (string)l["This merge is past the retention period and can no longer be undone."];
        }
        return RedirectToPage(new { id });
    }
}
