using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Registry;

namespace Panah.Web.Features.Registry.People;

/// <summary>
/// Browse people by district, sex, age group and specific need. The filter is posted, never put in the URL
/// (a link to "unaccompanied children in Fatih" would end up in history, logs and referrers); the pager
/// re-posts the same form. Only the page number of the unfiltered list appears in a URL.
/// </summary>
public sealed class IndexModel(RegistryStore store, AccessScope scope) : PageModel
{
    [BindProperty] public string? District { get; set; }
    [BindProperty] public Sex? Sex { get; set; }
    [BindProperty] public AgeGroup? AgeGroup { get; set; }
    [BindProperty] public Vulnerability? Vulnerability { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<PersonView> Result { get; private set; } = null!;

    /// <summary>The fields the reader's role is shown: the table's columns.</summary>
    public RegistryFields Fields => scope.Fields;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Result = await store.ListPeopleAsync(new PeopleFilter(District, Sex, AgeGroup, Vulnerability), PageNumber, 25, ct);
}
