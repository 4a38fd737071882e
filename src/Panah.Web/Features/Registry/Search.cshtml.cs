using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Panah.Data.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Registry;

/// <summary>
/// Find a person by name, phone or document number, best match first. The query is posted, never put in
/// the URL; the page buttons post it again with the page number.
/// </summary>
[EnableRateLimiting(RateLimits.Search)]
public sealed class SearchModel(RegistrySearch search) : PageModel
{
    [BindProperty] public SearchInput Input { get; set; } = new();

    public SearchResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        var q = Input.ToQuery();
        Result = q.IsEmpty ? new SearchResult([], 1, RegistrySearch.PageSize, 0, false) : await search.SearchAsync(q, Input.Page ?? 1, ct);
    }

    /// <summary>Resource keys of what a hit matched on, given and family name said together.</summary>
    public static IEnumerable<string> ReasonKeys(SearchReason r)
    {
        if (r.HasFlag(SearchReason.GivenName) && r.HasFlag(SearchReason.FamilyName))
        {
            yield return "Given and family name";
        }
        else if (r.HasFlag(SearchReason.GivenName))
        {
            yield return "Given name";
        }
        else if (r.HasFlag(SearchReason.FamilyName))
        {
            yield return "Family name";
        }
        if (r.HasFlag(SearchReason.FathersName))
        {
            yield return "Father's name";
        }
        if (r.HasFlag(SearchReason.Phone))
        {
            yield return "Phone";
        }
        if (r.HasFlag(SearchReason.Document))
        {
            yield return "Document number";
        }
        if (r.HasFlag(SearchReason.Email))
        {
            yield return "Email";
        }
    }
}
