using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Registry;

namespace Panah.Web.Features.Registry.Households;

/// <summary>A household with its members. Opening it is recorded in the audit log for the household and each member.</summary>
public sealed class DetailsModel(RegistryStore store) : PageModel
{
    public HouseholdView Household { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var h = await store.GetHouseholdAsync(id, ct);
        if (h is null)
        {
            return NotFound();
        }
        Household = h;
        return Page();
    }
}
