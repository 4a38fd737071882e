using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Panah.Web.Features.Account;

/// <summary>Where a refused sign-in attempt lands (rate limit or too many failures from one place): how long to wait.</summary>
public sealed class TooManyAttemptsModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Minutes { get; set; } = 1;

    public void OnGet()
    {
        Minutes = Math.Clamp(Minutes, 1, 60);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = (Minutes * 60).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The page's address for a wait of <paramref name="wait"/>, rounded up to whole minutes.</summary>
    public static string UrlFor(TimeSpan wait) =>
        $"/Account/TooManyAttempts?minutes={Math.Clamp((int)Math.Ceiling(wait.TotalMinutes), 1, 60)}";

    public static RedirectResult RedirectFor(TimeSpan wait) => new(UrlFor(wait));
}
