using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Education;

namespace Panah.Web.Features.Education;

/// <summary>
/// One application for its coordinator: where the applicant stands on the waitlist of their level at their site and
/// why (every reason for priority with its configured weight), and their place in line for each section there.
/// </summary>
public sealed class ApplicationModel(Waitlist waitlist, Seats seats) : PageModel
{
    public ApplicationStandingView Standing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await EducationApi.StandingAsync(id, waitlist, seats, ct) is not { } standing)
        {
            return NotFound();
        }
        Standing = standing;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
