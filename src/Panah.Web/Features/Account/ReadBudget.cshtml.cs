using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Panah.Web.Features.Account;

/// <summary>Where a browser lands when its account's read budget is used up: 429, and what to do about it.</summary>
public sealed class ReadBudgetModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status429TooManyRequests;
}
