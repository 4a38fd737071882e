using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Panah.Data.Entities;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Account;

/// <summary>
/// A password proved but no session yet: a short-lived cookie naming the account that only the code
/// pages read (Identity's two-factor cookie). The code or a passkey decides whether a session opens.
/// Each pending sign-in has an id of its own, and its failed second-factor attempts are counted by the
/// server under that id: after <c>Panah:SecondFactorAttemptsPerSignIn</c> it is over, even for a copy of
/// its cookie, and the person starts again with the password (while the lockout counts on).
/// </summary>
public static class PendingSignIn
{
    private const string IdClaim = "panah.pending";

    /// <summary>Remembers <paramref name="user"/> and sends them to their code page: enrolment first, if they have not enrolled.</summary>
    public static async Task<RedirectToPageResult> StartAsync(HttpContext context, StaffUser user, string? returnUrl)
    {
        var pending = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        pending.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        pending.AddClaim(new Claim(IdClaim, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));
        await context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
        return new RedirectToPageResult(user.TwoFactorEnabled ? "LoginTotp" : "EnrollTotp", new { ReturnUrl = returnUrl });
    }

    /// <summary>The account of the pending sign-in, or null when there is none or it has used up its attempts.</summary>
    public static async Task<StaffUser?> CurrentAsync(HttpContext context, SignInManager<StaffUser> signIn, SignInThrottle throttle)
    {
        if (await IdAsync(context) is not { } id)
        {
            return null;
        }
        if (await throttle.SecondFactorSpentAsync(id))
        {
            await context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            return null;
        }
        return await signIn.GetTwoFactorAuthenticationUserAsync();
    }

    /// <summary>
    /// Counts a failed second-factor attempt (a wrong or malformed code, a refused passkey) for the
    /// source and for this pending sign-in; true when that was its last, and it is now over.
    /// </summary>
    public static async Task<bool> FailedAsync(HttpContext context, SignInThrottle throttle)
    {
        await throttle.RecordFailureAsync(context);
        if (await IdAsync(context) is not { } id)
        {
            return true;
        }
        await throttle.RecordSecondFactorFailureAsync(id);
        if (!await throttle.SecondFactorSpentAsync(id))
        {
            return false;
        }
        await context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        return true;
    }

    /// <summary>Where a person goes whose pending sign-in ended: the password again, told why.</summary>
    public static RedirectToPageResult Again(string? returnUrl) => new("Login", new { ReturnUrl = returnUrl, Again = true });

    private static async Task<string?> IdAsync(HttpContext context) =>
        (await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme)).Principal?.FindFirstValue(IdClaim);
}
