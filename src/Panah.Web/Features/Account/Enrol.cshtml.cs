using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Account;

/// <summary>
/// A new staff member redeems the enrolment code an administrator gave them and chooses their own
/// password, then enrols their own authenticator. The code travels in the form, never in the URL.
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class EnrolModel(StaffAccounts accounts, SignInThrottle throttle, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class EnrolInput
    {
        [Required, StringLength(40)]
        public string Code { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(200)]
        public string Password { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(200)]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty]
    public EnrolInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await throttle.RetryAfterAsync(HttpContext) is { } wait)
        {
            return TooManyAttemptsModel.RedirectFor(wait);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", l["The two passwords differ."]);
            return Page();
        }
        var (user, result) = await accounts.RedeemEnrolmentAsync(Input.Code, Input.Password);
        if (user is null)
        {
            await throttle.RecordFailureAsync(HttpContext);
            ModelState.AddModelError("", l["This enrolment code is not valid: it is mistyped, used or expired. Ask an administrator for a new one."]);
            return Page();
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }
            return Page();
        }
        return await PendingSignIn.StartAsync(HttpContext, user, returnUrl: null);
    }
}
