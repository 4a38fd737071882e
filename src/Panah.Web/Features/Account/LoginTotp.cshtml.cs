using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Panah.Data.Entities;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Account;

/// <summary>Step two of sign-in: the code from the authenticator app.</summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginTotpModel(SignInManager<StaffUser> signIn, DemoHints demo, SignInThrottle throttle, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public TotpCodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? DemoCode { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login");
        }
        DemoCode = await demo.CurrentCodeAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (throttle.RetryAfter(HttpContext) is { } wait)
        {
            return TooManyAttemptsModel.RedirectFor(wait);
        }
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login");
        }
        if (ModelState.IsValid)
        {
            var result = await signIn.TwoFactorAuthenticatorSignInAsync(Input.Digits, isPersistent: false, rememberClient: false);
            if (result.Succeeded)
            {
                return LocalRedirect(Url.LocalOrHome(ReturnUrl));
            }
        }
        throttle.RecordFailure(HttpContext);
        ModelState.AddModelError("", l["That code did not work. Wait for a new code and try again."]);
        DemoCode = await demo.CurrentCodeAsync(user);
        return Page();
    }
}
