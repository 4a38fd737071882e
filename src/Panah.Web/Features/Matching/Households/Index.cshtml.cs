using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Entities;
using Panah.Data.Matching;

namespace Panah.Web.Features.Matching.Households;

/// <summary>Household duplicates: look for households that share two or more people, open a pair to decide.</summary>
public sealed class IndexModel(HouseholdDuplicates duplicates, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public ReviewStatus Status { get; set; } = ReviewStatus.Pending;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<(HouseholdDuplicate Duplicate, string Code, string OtherCode)> Items { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => (Items, Total) = await duplicates.ListAsync(Status, PageNumber, PageSize, ct);

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        var r = await duplicates.RunAsync(ct);
        TempData["Flash"] = string.Format(l["{0} new household pairs to review."], r.Proposed);
        return RedirectToPage();
    }

    public string PageUrl(int page) => $"?status={Status}&p={page}";
}
