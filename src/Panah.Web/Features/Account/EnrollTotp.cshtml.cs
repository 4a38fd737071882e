using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;
using QRCoder;

namespace Panah.Web.Features.Account;

/// <summary>First sign-in: the staff member adds Panah to an authenticator app and proves it with a code.</summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class EnrollTotpModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, DemoHints demo, SignInThrottle throttle, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public TotpCodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string Key { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public string? DemoCode { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await PendingSignIn.CurrentAsync(HttpContext, signIn, throttle);
        if (user is null || user.TwoFactorEnabled)
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
        if (user is null || user.TwoFactorEnabled)
        {
            return RedirectToPage("Login");
        }
        if (ModelState.IsValid && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Input.Digits))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.ResetAccessFailedCountAsync(user);
            await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            var fresh = await users.FindByIdAsync(user.Id);
            await signIn.SignInWithClaimsAsync(fresh!, isPersistent: false, [new Claim(Policies.MfaClaim, Policies.MfaValue)]);
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        }
        await users.AccessFailedAsync(user);
        if (await PendingSignIn.FailedAsync(HttpContext, throttle))
        {
            return PendingSignIn.Again(ReturnUrl);
        }
        ModelState.AddModelError("", l["That code did not work. Wait for a new code and try again."]);
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        Key = string.Join(' ', key!.Chunk(4).Select(c => new string(c)));
        var uri = Totp.Uri("Panah", user.Email ?? user.Id, key!);
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(4));
        DemoCode = await demo.CurrentCodeAsync(user);
    }
}
