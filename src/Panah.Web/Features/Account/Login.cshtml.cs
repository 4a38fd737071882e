using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Panah.Data.Entities;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Account;

/// <summary>
/// Step one of sign-in: email and password. Unknown accounts, wrong passwords, locked and disabled
/// accounts all get the same answer after the same work, so the page reveals nothing about who exists.
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IPasswordHasher<StaffUser> hasher, IStringLocalizer<SharedResource> l) : PageModel
{
    // A real hash of a random password: verifying against it costs what a real check costs.
    private static readonly string DummyHash = new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString());

    [BindProperty, Required, EmailAddress]
    public string Email { get; set; } = "";

    [BindProperty, Required, DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            hasher.VerifyHashedPassword(new StaffUser(), DummyHash, Password);
            return Fail();
        }
        if (user.TwoFactorEnabled)
        {
            var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
            return result.RequiresTwoFactor ? RedirectToPage("LoginTotp", new { ReturnUrl }) : Fail();
        }
        // Not yet enrolled: a correct password only opens the enrolment page.
        var check = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            return Fail();
        }
        var pending = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        pending.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
        return RedirectToPage("EnrollTotp", new { ReturnUrl });
    }

    private PageResult Fail()
    {
        ModelState.AddModelError("", l["Sign-in failed. Check your email and password, or ask an administrator if your account is locked."]);
        return Page();
    }
}
