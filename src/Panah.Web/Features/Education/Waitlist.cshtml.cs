using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Education;

namespace Panah.Web.Features.Education;

/// <summary>
/// A section's fair waitlist for its coordinator: each applicant's position, score and why, and a button to enrol them.
/// Offers past their deadline lapse and free seats pass on before the list is shown.
/// </summary>
public sealed class WaitlistModel(CourseStore courses, Waitlist waitlist, Seats seats, IStringLocalizer<SharedResource> l) : PageModel
{
    public SectionView Section { get; private set; } = null!;
    public IReadOnlyList<WaitlistEntryView> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEnrolAsync(int id, Guid applicationId, CancellationToken ct)
    {
        try
        {
            if (await seats.EnrolAsync(id, applicationId, ct) is null)
            {
                return NotFound();
            }
            TempData["Flash"] = (string)l["Education.Enrolled"];
            return RedirectToPage(new { id });
        }
        catch (EnrolmentRefusedException e)
        {
            ModelState.AddModelError("", l[e.Code]);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        await seats.RefreshAsync(id, ct);
        if (await waitlist.ForSectionAsync(id, ct: ct) is not { } entries || await courses.SectionAsync(id, ct) is not { } section)
        {
            return false;
        }
        (Section, Entries) = (section, entries);
        Response.Headers.CacheControl = "no-store";
        return true;
    }
}
