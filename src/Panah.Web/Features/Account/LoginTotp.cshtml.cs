using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Panah.Data.Entities;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Account;

/// <summary>
/// Step two of sign-in: the code from the authenticator app, or instead one of the account's own
/// passkeys. Either way the password came first (the pending sign-in names the account).
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginTotpModel(UserManager<StaffUser> users, StaffSignInManager signIn, DemoHints demo, SignInThrottle throttle, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public TotpCodeInput Input { get; set; } = new();

    /// <summary>The JSON of the browser's answer to <c>navigator.credentials.get</c>.</summary>
    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? DemoCode { get; private set; }

    public bool HasPasskey { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await PendingSignIn.CurrentAsync(HttpContext, signIn, throttle);
        if (user is null)
        {
            return RedirectToPage("Login");
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await throttle.RetryAfterAsync(HttpContext) is { } wait)
        {
            return TooManyAttemptsModel.RedirectFor(wait);
        }
        var user = await PendingSignIn.CurrentAsync(HttpContext, signIn, throttle);
        if (user is null)
        {
            return RedirectToPage("Login");
        }
        if (ModelState.IsValid)
        {
            // A wrong code counts towards the lockout inside Identity.
            var result = await signIn.TwoFactorAuthenticatorSignInAsync(Input.Digits, isPersistent: false, rememberClient: false);
            if (result.Succeeded)
            {
                return LocalRedirect(Url.LocalOrHome(ReturnUrl));
            }
        }
        else
        {
            // A malformed code is a try like any other: otherwise it would be a free one.
            await users.AccessFailedAsync(user);
        }
        return await FailedAsync(user, l["That code did not work. Wait for a new code and try again."]);
    }

    /// <summary>The options for <c>navigator.credentials.get</c>: a fresh challenge, the pending account's passkeys only.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        if (await throttle.RetryAfterAsync(HttpContext) is not null || await PendingSignIn.CurrentAsync(HttpContext, signIn, throttle) is not { } user)
        {
            return BadRequest();
        }
        return Content(await signIn.MakePasskeyRequestOptionsAsync(user), "application/json");
    }

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        if (await throttle.RetryAfterAsync(HttpContext) is { } wait)
        {
            return TooManyAttemptsModel.RedirectFor(wait);
        }
        var user = await PendingSignIn.CurrentAsync(HttpContext, signIn, throttle);
        if (user is null)
        {
            return RedirectToPage("Login");
        }
        // An answer too long to be a browser's is refused unread, and still counts as a try.
        var json = CredentialJson is { Length: > 0 and <= PasskeyCredential.MaxJsonLength } c ? c : "";
        var result = await signIn.PasskeySecondFactorSignInAsync(user, json);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        }
        return await FailedAsync(user, l["That passkey did not work. Try again, or enter the code from your authenticator app."]);
    }

    private async Task<IActionResult> FailedAsync(StaffUser user, string message)
    {
        if (await PendingSignIn.FailedAsync(HttpContext, throttle))
        {
            return PendingSignIn.Again(ReturnUrl);
        }
        ModelState.AddModelError("", message);
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(StaffUser user)
    {
        DemoCode = await demo.CurrentCodeAsync(user);
        HasPasskey = (await users.GetPasskeysAsync(user)).Count > 0;
    }
}
