using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Access;

namespace Panah.Web.Features.Access;

/// <summary>
/// Opens one household outside the staff member's scope for a limited time, after they write why. The data
/// protection officer is alerted; the household code is posted, never put in a URL.
/// </summary>
public sealed class BreakGlassModel(BreakGlass breakGlass, AccessOptions options, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class BreakGlassInput
    {
        [Required, StringLength(20)] public string HouseholdCode { get; set; } = "";
        [Required, StringLength(AccessLimits.MaxReasonLength, MinimumLength = AccessLimits.MinReasonLength)] public string Reason { get; set; } = "";
    }

    [BindProperty] public BreakGlassInput Input { get; set; } = new();

    public int Minutes => options.BreakGlassMinutes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var grant = await breakGlass.OpenAsync(Input.HouseholdCode, Input.Reason, ct);
            if (grant is null)
            {
                ModelState.AddModelError("Input.HouseholdCode", l["No household has this code."]);
                return Page();
            }
            return Redirect($"/Registry/Households/Details/{grant.HouseholdId}");
        }
        catch (AccessReasonException)
        {
            ModelState.AddModelError("Input.Reason", l["Write why you need this record (10 to 500 characters, plain text)."]);
            return Page();
        }
    }
}
