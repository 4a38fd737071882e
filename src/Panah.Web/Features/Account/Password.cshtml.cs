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
/// A signed-in person changes their password (the current one first). The new security stamp ends
/// every other session of the account; this one is renewed with its original start time.
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class PasswordModel(UserManager<StaffUser> users, StaffSignInManager signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class ChangeInput
    {
        [Required, DataType(DataType.Password), StringLength(200)]
        public string CurrentPassword { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(200)]
        public string NewPassword { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(200)]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", l["The two passwords differ."]);
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                // A stolen session guessing the password meets the same lockout as the sign-in page.
                await users.AccessFailedAsync(user);
            }
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }
            return Page();
        }
        await signIn.RenewSessionAsync(user, User);
        Changed = true;
        Input = new();
        return Page();
    }
}
