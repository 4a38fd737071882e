using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Registry;

namespace Panah.Web.Features.Registry.Households;

/// <summary>Browse households by district and status, a page at a time; as for people, the filter is posted, not put in the URL.</summary>
public sealed class IndexModel(RegistryStore store, AccessScope scope) : PageModel
{
    [BindProperty] public string? District { get; set; }
    [BindProperty] public HouseholdStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<HouseholdSummary> Result { get; private set; } = null!;

    /// <summary>The fields the reader's role is shown: the table's columns.</summary>
    public RegistryFields Fields => scope.Fields;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Result = await store.ListHouseholdsAsync(District, Status, PageNumber, 25, ct);
}
