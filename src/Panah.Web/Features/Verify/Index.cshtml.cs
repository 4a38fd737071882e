using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Panah.Data.Education;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Verify;

/// <summary>
/// The public page a certificate's QR code opens: valid or not, the level, the date, the holder's initials — nothing
/// else, and no sign of who runs it (no menu, no product name): a stranger who scans a learner's certificate must not learn
/// who the holder is or that they were a refugee learner. An unknown token gets the same page saying so (and a 404).
/// </summary>
/// <remarks>Limited per client address like a search: each check is an audited read.</remarks>
[EnableRateLimiting(RateLimits.Search)]
public sealed class IndexModel(Certificates certificates) : PageModel
{
    public CertificateCheck? Check { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Check = await certificates.CheckAsync(token, ct);
        if (Check is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
