using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Matching;
using Panah.Data.Registry;

namespace Panah.Web.Features.Matching.Merges;

/// <summary>A person's merges (as survivor or merged registration), each with its undo while the retention period runs.</summary>
public sealed class IndexModel(PersonMerge merges, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Person { get; set; }

    public List<PersonMergeRecord> Items { get; private set; } = [];

    public bool CanUndo(PersonMergeRecord m) => m.HouseholdMergeId is null && merges.CanUndo(m);

    public async Task OnGetAsync(CancellationToken ct) => Items = Person == Guid.Empty ? [] : await merges.ForPersonAsync(Person, ct);

    public async Task<IActionResult> OnPostUndoAsync(Guid id, long version, CancellationToken ct)
    {
        try
        {
            var m = await merges.UndoAsync(id, version, ct);
            if (m is null)
            {
                return NotFound();
            }
            TempData["Flash"] = (string)l["Undone: both registrations and their households are as they were before the merge."];
        }
        catch (ConcurrencyConflictException)
        {
            TempData["Flash"] = (string)l["Someone else changed this record. Reload it and apply your change again."];
        }
        catch (Exception e) when (e is MergeExpiredException or ErasedRecordException)
        {
            TempData["Flash"] = (string)l["This merge is past the retention period and can no longer be undone."];
        }
        return RedirectToPage(new { person = Person });
    }
}
