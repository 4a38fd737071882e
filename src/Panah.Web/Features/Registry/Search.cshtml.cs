using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Panah.Data.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Registry;

/// <summary>Find a person by name, phone or document number. The query is posted, never put in the URL.</summary>
[EnableRateLimiting(RateLimits.Search)]
public sealed class SearchModel(RegistryStore store) : PageModel
{
    [BindProperty] public SearchInput Input { get; set; } = new();

    public IReadOnlyList<PersonView>? Results { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        var q = new SearchQuery(Input.Name, Input.Phone, Input.Document);
        Results = q.IsEmpty ? [] : await store.SearchAsync(q, ct);
    }
}
