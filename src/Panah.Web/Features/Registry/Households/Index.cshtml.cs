using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Core.Registry;
using Panah.Data.Registry;

namespace Panah.Web.Features.Registry.Households;

/// <summary>Browse households by district and status, a page at a time.</summary>
public sealed class IndexModel(RegistryStore store) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public HouseholdStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<HouseholdSummary> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await store.ListHouseholdsAsync(District, Status, PageNumber, 25, ct);

    public string PageUrl(int page) => QueryString.Create((KeyValuePair<string, string?>[])[
        new("district", District), new("status", Status?.ToString()), new("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture))]).ToString();
}
