using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Panah.Data.Entities;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Account;

/// <summary>
/// Step one of sign-in: email and password. Unknown, wrong-password, locked, disabled and service
/// accounts all get the same answer after the same work (one password-hash check, a dummy one when
/// there is no hash to check), so the page reveals nothing about who exists or in which state.
/// A source with too many failures, overall or for this email, is refused before any account is looked at.
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IPasswordHasher<StaffUser> hasher, SignInThrottle throttle, IStringLocalizer<SharedResource> l) : PageModel
{
    // A real hash of a random password: verifying against it costs what a real check costs.
    private static readonly string DummyHash = new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString());

    [BindProperty, Required, EmailAddress]
    public string Email { get; set; } = "";

    [BindProperty, Required, DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when a pending sign-in used up its second-factor tries and the person starts again.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Again { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await throttle.RetryAfterAsync(HttpContext, Email) is { } wait)
        {
            return TooManyAttemptsModel.RedirectFor(wait);
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        var passwordMatches = user is { IsServiceAccount: false, PasswordHash: not null }
            ? await users.CheckPasswordAsync(user, Password)
            : CheckDummy();
        if (user is null || !passwordMatches || await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            if (user is not null && !passwordMatches)
            {
                await users.AccessFailedAsync(user);
            }
            await throttle.RecordFailureAsync(HttpContext, Email);
            ModelState.AddModelError("", l["Sign-in failed. Check your email and password, or ask an administrator if your account is locked."]);
            return Page();
        }
        return await PendingSignIn.StartAsync(HttpContext, user, ReturnUrl);
    }

    /// <summary>No password to check (unknown or service account): the same hash work, and never a match.</summary>
    private bool CheckDummy()
    {
        hasher.VerifyHashedPassword(new StaffUser(), DummyHash, Password);
        return false;
    }
}
